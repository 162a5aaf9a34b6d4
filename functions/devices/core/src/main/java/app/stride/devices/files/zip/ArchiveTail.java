package app.stride.devices.files.zip;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the last bytes of the raw archive as they stream past, so that after the entries have been
 * read the end-of-central-directory record can be found and its entry count compared with the
 * entries seen: {@code ZipInputStream} takes any damaged local header for the end of the archive,
 * which would silently drop the entries after it.
 */
final class ArchiveTail extends FilterInputStream {
  /** Room for a central directory of 1 MiB, the end record and its longest comment. */
  static final int CAPACITY = (1 << 20) + 22 + 0xFFFF;

  private static final int DIRECTORY_SIGNATURE = 0x02014b50;

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ZIP64_COUNT = 0xFFFF;

  private final byte[] ring = new byte[CAPACITY];
  private long total;

  ArchiveTail(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      keep(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void keep(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      ring[(int) ((total + i) % CAPACITY)] = b[off + i];
    }
    total += len;
  }

  /**
   * What the central directory declares: its entry count ({@code -1} for ZIP64, whose count is
   * elsewhere) and, when the whole directory was kept, the entry names in order (else null). Empty
   * when no end record ends the bytes read (a truncated archive).
   */
  Optional<Directory> directory() {
    int size = (int) Math.min(total, CAPACITY);
    byte[] tail = new byte[size];
    for (int i = 0; i < size; i++) {
      tail[i] = ring[(int) ((total - size + i) % CAPACITY)];
    }
    for (int at = size - 22; at >= 0; at--) {
      if (u32(tail, at) == END_SIGNATURE && at + 22 + u16(tail, at + 20) == size) {
        int count = u16(tail, at + 10);
        long directorySize = u32(tail, at + 12) & 0xFFFFFFFFL;
        List<String> names =
            directorySize <= at ? names(tail, (int) (at - directorySize), at) : null;
        return Optional.of(new Directory(count == ZIP64_COUNT ? -1 : count, names));
      }
    }
    return Optional.empty();
  }

  /** The central directory's entry count and names (null when not all kept). */
  record Directory(int count, List<String> names) {}

  private static List<String> names(byte[] b, int from, int to) {
    List<String> names = new ArrayList<>();
    int at = from;
    while (at + 46 <= to && u32(b, at) == DIRECTORY_SIGNATURE) {
      int nameLength = u16(b, at + 28);
      int next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
      if (next > to) {
        return null;
      }
      names.add(new String(b, at + 46, nameLength, StandardCharsets.UTF_8));
      at = next;
    }
    return at == to ? names : null;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int u32(byte[] b, int at) {
    return u16(b, at) | u16(b, at + 2) << 16;
  }
}
