package app.stride.devices.files.zip;

import app.stride.devices.files.FailureCode;
import app.stride.devices.files.LimitedInputStream;
import app.stride.devices.files.LimitedInputStream.LimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/**
 * One archive entry's inflated bytes, bounded while they stream: the archive's total inflated
 * bytes, and the entry's ratio of inflated to compressed bytes (the compressed bytes counted on the
 * raw stream beneath the {@link ZipInputStream}, never taken from the entry's header). Closing it
 * leaves the archive open.
 */
final class EntryStream extends FilterInputStream {
  /** The ratio is judged once an entry has inflated this much (small entries cannot harm). */
  static final long RATIO_GRACE_BYTES = 1024 * 1024;

  private final LimitedInputStream raw;
  private final long rawAtStart;
  private final ArchiveBudget budget;
  private final int index;
  private long inflated;

  EntryStream(ZipInputStream zip, LimitedInputStream raw, ArchiveBudget budget, int index) {
    super(zip);
    this.raw = raw;
    this.rawAtStart = raw.count();
    this.budget = budget;
    this.index = index;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      inflated += n;
      budget.inflated(n);
      long compressed = Math.max(1, raw.count() - rawAtStart);
      if (inflated > RATIO_GRACE_BYTES && inflated > budget.maxRatio() * compressed) {
        throw new LimitExceededException(
            FailureCode.UNSAFE_ARCHIVE,
            "archive entry "
                + index
                + " inflates more than "
                + budget.maxRatio()
                + " times its compressed size");
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
  }

  /** Reads the rest of the entry through the bounds, so a skipped entry is bounded too. */
  void drain() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) >= 0) {
      // counted and bounded by read
    }
  }

  @Override
  public void close() {
    // the archive stays open for the next entry
  }

  /** The archive-wide count of inflated bytes. */
  static final class ArchiveBudget {
    private final long maxInflated;
    private final int maxRatio;
    private long inflated;

    ArchiveBudget(long maxInflated, int maxRatio) {
      this.maxInflated = maxInflated;
      this.maxRatio = maxRatio;
    }

    int maxRatio() {
      return maxRatio;
    }

    void inflated(long n) throws LimitExceededException {
      inflated += n;
      if (inflated > maxInflated) {
        throw new LimitExceededException(
            FailureCode.UNSAFE_ARCHIVE,
            "the archive inflates to more than " + maxInflated + " bytes");
      }
    }
  }
}
