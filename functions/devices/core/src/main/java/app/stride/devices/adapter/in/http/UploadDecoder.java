package app.stride.devices.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.domain.ActivityData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Decodes what {@code importActivity} accepts: app uploads ({@code application/json}, validated
 * against {@code AppActivityUpload} before) here, every file format through {@code files}.
 */
public final class UploadDecoder implements ActivityDecoder {
  private final ActivityDecoder files;

  public UploadDecoder(ActivityDecoder files) {
    this.files = files;
  }

  @Override
  public List<ActivityData> decode(String mediaType, byte[] body) throws Rejected {
    if (!mediaType.equals("application/json")) {
      return files.decode(mediaType, body);
    }
    try {
      return AppUploads.decode(Json.mapper().readTree(body));
    } catch (AppUploads.ImportRefusal refusal) {
      throw new Rejected(refusal.failure());
    }
  }

  @Override
  public List<ActivityData> decode(String mediaType, InputStream body)
      throws Rejected, IOException {
    return mediaType.equals("application/json")
        ? decode(mediaType, body.readAllBytes())
        : files.decode(mediaType, body);
  }
}
