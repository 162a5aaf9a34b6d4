package app.stride.devices.files;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.files.LimitedInputStream.LimitExceededException;
import app.stride.devices.files.MediaTypes.Format;
import app.stride.devices.files.fit.FitParser;
import app.stride.devices.files.xml.GpxParser;
import app.stride.devices.files.xml.TcxParser;
import app.stride.devices.files.zip.ArchiveParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The one entry point of file import: an uploaded body and its media type become activities, or a
 * failure with a stable code. A FIT, GPX or TCX file gives one activity; a zip (an Apple Health
 * export or a bundle of files) one per workout or file. The result is complete or there is none:
 * every parse error, bound or implausible value ends as an {@link ActivityFileException}.
 */
public final class ActivityFiles {
  private ActivityFiles() {}

  /**
   * The activities of an upload.
   *
   * @param mediaType the upload's {@code Content-Type} ({@link MediaTypes})
   * @param in the body; read once, not closed
   * @param limits the bounds to enforce while reading
   * @throws ActivityFileException when the body is not a usable activity file (see {@link
   *     FailureCode})
   * @throws IOException only when {@code in} itself fails to deliver bytes
   */
  public static List<ActivityData> parse(String mediaType, InputStream in, ImportLimits limits)
      throws ActivityFileException, IOException {
    Format format =
        MediaTypes.formatOf(mediaType)
            .orElseThrow(
                () ->
                    new ActivityFileException(
                        FailureCode.UNSUPPORTED_FORMAT,
                        "the media type is not FIT, GPX, TCX or zip"));
    try {
      return parse(format, new SourceGuard(in), limits);
    } catch (SourceGuard.SourceFailure e) {
      throw e.source();
    } catch (LimitExceededException e) {
      throw e.toFailure();
    } catch (EOFException e) {
      throw new ActivityFileException(FailureCode.TRUNCATED_FILE, "the file ends too early", e);
    } catch (IOException e) {
      throw new ActivityFileException(FailureCode.CORRUPT_FILE, "the file could not be decoded", e);
    } catch (RuntimeException e) {
      // A decoder's unchecked complaint about the bytes (the FIT SDK's, the JDK's): a bad file.
      throw new ActivityFileException(FailureCode.CORRUPT_FILE, "the file could not be decoded", e);
    }
  }

  private static List<ActivityData> parse(Format format, InputStream in, ImportLimits limits)
      throws ActivityFileException, IOException {
    if (format == Format.ZIP) {
      return new ArchiveParser(limits).parse(in, ActivityFiles::parseFile);
    }
    return parseFile(
        format,
        new LimitedInputStream(in, limits.maxFileBytes(), "the file", FailureCode.FILE_TOO_LARGE));
  }

  private static List<ActivityData> parseFile(Format format, InputStream in)
      throws ActivityFileException, IOException {
    return switch (format) {
      case FIT -> List.of(FitParser.parse(in.readAllBytes()));
      case GPX -> List.of(GpxParser.parse(in));
      case TCX -> List.of(TcxParser.parse(in));
      case ZIP ->
          throw new ActivityFileException(
              FailureCode.UNSUPPORTED_FORMAT, "a zip inside a zip is not read");
    };
  }
}
