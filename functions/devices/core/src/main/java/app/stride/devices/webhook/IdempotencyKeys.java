package app.stride.devices.webhook;

import app.stride.devices.domain.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable keys: a SHA-256 over the provider's wire name and the identifying fields, each
 * length-prefixed so that no two field lists share a key. The same notification (a retry, a
 * duplicate delivery) always gets the same key; no secret goes into one unhashed.
 */
public final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** The key of a notification: 64 lower-case hex characters. */
  public static String of(Provider provider, String... fields) {
    MessageDigest digest = sha256();
    update(digest, provider.wire());
    for (String field : fields) {
      update(digest, field == null ? "" : field);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The replay key of an exact request body: the provider and the SHA-256 of the bytes. */
  public static String ofBody(Provider provider, byte[] body) {
    MessageDigest digest = sha256();
    update(digest, "body");
    update(digest, provider.wire());
    digest.update(body);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (bytes.length >>> 24));
    digest.update((byte) (bytes.length >>> 16));
    digest.update((byte) (bytes.length >>> 8));
    digest.update((byte) bytes.length);
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
