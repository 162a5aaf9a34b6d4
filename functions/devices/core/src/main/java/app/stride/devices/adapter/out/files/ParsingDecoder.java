package app.stride.devices.adapter.out.files;

import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.ActivityFiles;
import app.stride.devices.files.ImportLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Decodes FIT, GPX, TCX and zip files with {@link ActivityFiles} under {@link ImportLimits}: from
 * bytes in memory (a file sent in the request) or streaming (an upload read from the bucket, never
 * held whole: the parsers read it once, a zip entry by entry).
 */
public final class ParsingDecoder implements ActivityDecoder {
  private final ImportLimits limits;

  public ParsingDecoder(ImportLimits limits) {
    this.limits = limits;
  }

  @Override
  public List<ActivityData> decode(String mediaType, byte[] body) throws Rejected {
    try {
      return decode(mediaType, new ByteArrayInputStream(body));
    } catch (IOException e) {
      // Reading bytes in memory fails only on content the parsers could not make sense of.
      throw new Rejected(new ImportFailure("corrupt-file", "The file could not be read."));
    }
  }

  @Override
  public List<ActivityData> decode(String mediaType, InputStream body)
      throws Rejected, IOException {
    try {
      return ActivityFiles.parse(mediaType, body, limits);
    } catch (ActivityFileException e) {
      throw new Rejected(e.failure());
    }
  }
}
