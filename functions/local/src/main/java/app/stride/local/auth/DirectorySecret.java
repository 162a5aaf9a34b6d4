package app.stride.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The directory's keyed-hash secret ({@code STRIDE_DIRECTORY_SECRET}): 32 random bytes, made once
 * and kept owner-only in the data folder, so the directory keys written before a restart still
 * match after it. Never logged.
 */
public final class DirectorySecret {
  /** The file in the data folder. */
  static final String FILE = "directory-secret";

  private static final int BYTES = 32;

  private DirectorySecret() {}

  /** The secret as base64, read from {@code dataDir}, created on first use. */
  public static String loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (Base64.getDecoder().decode(stored).length >= BYTES) {
          return stored;
        }
        throw new IllegalStateException("the directory secret in " + file + " is too short");
      }
      byte[] secret = new byte[BYTES];
      new SecureRandom().nextBytes(secret);
      String encoded = Base64.getEncoder().encodeToString(secret);
      writeOwnerOnly(file, encoded);
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the directory secret in " + file + " is not base64");
    }
  }

  /** A fresh random secret as base64, for what needs no persistence (request signing). */
  public static String random() {
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to restrict
    }
    Files.writeString(tmp, content, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
