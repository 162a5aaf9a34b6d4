package app.stride.devices.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks the read failures of the upload's own stream, so that {@link ActivityFiles} can tell a
 * failing source (an {@link IOException} for the caller to retry) from a decoder's complaint about
 * the bytes (an early end of a zip stream is an {@link IOException} too, but a bad file).
 */
final class SourceGuard extends FilterInputStream {
  SourceGuard(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  /** A read failure of the source stream, wrapping it. */
  static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    IOException source() {
      return (IOException) getCause();
    }
  }
}
