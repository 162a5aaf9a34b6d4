package app.stride.devices.application.port.out;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ImportFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Turns an uploaded file (FIT, GPX, TCX, zip) into normalised activities. Implemented by the file
 * parsers ({@code app.stride.devices.files}); a port so the use cases are tested without them.
 */
public interface ActivityDecoder {
  /**
   * The activities in {@code body}, in file order (one for a single file, several for an archive).
   *
   * @throws Rejected when the file cannot be imported; nothing of it is returned then
   */
  List<ActivityData> decode(String mediaType, byte[] body) throws Rejected;

  /**
   * The activities in a file read from {@code body} (once, not closed): the path of uploads too
   * large to hold in memory. The default reads the stream whole; the file parsers override it to
   * stream.
   *
   * @throws Rejected when the file cannot be imported; nothing of it is returned then
   * @throws IOException only when {@code body} itself fails to deliver bytes (retry later)
   */
  default List<ActivityData> decode(String mediaType, InputStream body)
      throws Rejected, IOException {
    return decode(mediaType, body.readAllBytes());
  }

  /** A file that cannot be imported, and why. */
  final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; its code is stable, its detail never quotes the file. */
    private final transient ImportFailure failure;

    public Rejected(ImportFailure failure) {
      super(failure.code() + ": " + failure.detail(), null, false, false);
      this.failure = failure;
    }

    public ImportFailure failure() {
      return failure;
    }
  }
}
