package app.stride.devices.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link LimitExceededException} as soon as more
 * than the limit have been read, so an oversized input is refused after reading just past the
 * limit, whatever any header claims.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private final FailureCode code;
  private long count;

  /**
   * @param in the stream to count
   * @param limit the most bytes allowed
   * @param what names the bounded thing in the failure detail, e.g. {@code the file}
   * @param code the failure to report when the limit is passed
   */
  public LimitedInputStream(InputStream in, long limit, String what, FailureCode code) {
    super(in);
    this.limit = limit;
    this.what = what;
    this.code = code;
  }

  /** The bytes read so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long n) throws LimitExceededException {
    count += n;
    if (count > limit) {
      throw new LimitExceededException(code, what + " is larger than " + limit + " bytes");
    }
  }

  /**
   * Thrown by a read that goes past a bound; an {@link IOException} so it passes through the
   * decoders (StAX, the FIT SDK, {@code ZipInputStream}), and the parsers turn it back into an
   * {@link ActivityFileException} with its code.
   */
  public static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    private final FailureCode code;

    /** A bound passed, to be reported with {@code code}. */
    public LimitExceededException(FailureCode code, String message) {
      super(message);
      this.code = code;
    }

    /** The failure this bound reports. */
    public ActivityFileException toFailure() {
      return new ActivityFileException(code, getMessage(), this);
    }
  }
}
