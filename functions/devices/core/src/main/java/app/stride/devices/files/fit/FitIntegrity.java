package app.stride.devices.files.fit;

import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import com.garmin.fit.CRC;
import com.garmin.fit.Decode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the structure of a FIT file before decoding: each (possibly chained) file's header size,
 * {@code .FIT} signature, header CRC, declared data size against the bytes present, and file CRC;
 * then the SDK's own {@link Decode#checkFileIntegrity}. The SDK alone accepts a file cut short
 * inside its last message, hence the size check here.
 */
final class FitIntegrity {
  private static final int SHORT_HEADER = 12;
  private static final int LONG_HEADER = 14;
  private static final int CRC_SIZE = 2;

  private FitIntegrity() {}

  /** A chained file's place in the bytes: from {@code offset}, {@code length} bytes. */
  record Part(int offset, int length) {}

  /**
   * The files chained in {@code bytes}, each checked.
   *
   * @throws ActivityFileException {@code truncated-file} when a file ends before its declared size,
   *     {@code corrupt-file} for a bad header or CRC
   */
  static List<Part> check(byte[] bytes) throws ActivityFileException {
    List<Part> parts = new ArrayList<>();
    int pos = 0;
    while (pos < bytes.length) {
      parts.add(checkOne(bytes, pos, parts.size()));
      Part last = parts.get(parts.size() - 1);
      pos = last.offset() + last.length();
    }
    if (parts.isEmpty()) {
      throw new ActivityFileException(FailureCode.TRUNCATED_FILE, "the file is empty");
    }
    if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(bytes))) {
      throw new ActivityFileException(
          FailureCode.CORRUPT_FILE, "the FIT SDK's integrity check failed");
    }
    return parts;
  }

  private static Part checkOne(byte[] b, int pos, int index) throws ActivityFileException {
    String which = index == 0 ? "the FIT file" : "chained FIT file " + (index + 1);
    int available = b.length - pos;
    if (available < SHORT_HEADER) {
      throw new ActivityFileException(
          FailureCode.TRUNCATED_FILE, which + " is shorter than a FIT header");
    }
    int headerSize = b[pos] & 0xff;
    if (headerSize != SHORT_HEADER && headerSize != LONG_HEADER) {
      throw new ActivityFileException(
          FailureCode.CORRUPT_FILE, which + " has an invalid header size");
    }
    if (available < headerSize) {
      throw new ActivityFileException(
          FailureCode.TRUNCATED_FILE, which + " is shorter than its header");
    }
    if (b[pos + 8] != '.' || b[pos + 9] != 'F' || b[pos + 10] != 'I' || b[pos + 11] != 'T') {
      throw new ActivityFileException(
          FailureCode.CORRUPT_FILE, which + " lacks the .FIT header signature");
    }
    if (headerSize == LONG_HEADER) {
      int stored = u16(b, pos + 12);
      if (stored != 0 && stored != crc(b, pos, SHORT_HEADER)) {
        throw new ActivityFileException(
            FailureCode.CORRUPT_FILE, which + " has a header CRC mismatch");
      }
    }
    long dataSize = u32(b, pos + 4);
    long total = headerSize + dataSize + CRC_SIZE;
    if (total > available) {
      throw new ActivityFileException(
          FailureCode.TRUNCATED_FILE,
          which + " ends after " + available + " of the " + total + " bytes its header declares");
    }
    int length = (int) total;
    int stored = u16(b, pos + length - CRC_SIZE);
    if (stored != crc(b, pos, length - CRC_SIZE)) {
      throw new ActivityFileException(FailureCode.CORRUPT_FILE, which + " has a CRC mismatch");
    }
    return new Part(pos, length);
  }

  private static int crc(byte[] b, int from, int length) {
    int crc = 0;
    for (int i = from; i < from + length; i++) {
      crc = CRC.get16(crc, b[i]);
    }
    return crc;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }
}
