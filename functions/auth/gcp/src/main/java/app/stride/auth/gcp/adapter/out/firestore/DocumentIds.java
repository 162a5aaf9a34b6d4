package app.stride.auth.gcp.adapter.out.firestore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Document ids for keys that come from outside (emails, provider subjects, token hashes, family
 * ids): the key's UTF-8 bytes in unpadded base64url. Such an id never holds a {@code /}, is never
 * {@code .} or {@code ..}, and never starts with {@code _} (UTF-8 has no byte above {@code 0xF7}),
 * so it can never hit Firestore's reserved {@code __.*__} ids, whatever the key holds.
 */
final class DocumentIds {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** Firestore's limit on a document id, in bytes. */
  static final int MAX_ID_BYTES = 1500;

  private DocumentIds() {}

  /** The document id of {@code key}. */
  static String encode(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a document key must not be empty");
    }
    String id = ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    if (id.length() > MAX_ID_BYTES) {
      throw new IllegalArgumentException("a document key is too long");
    }
    return id;
  }

  /** The key a document id was made from. */
  static String decode(String id) {
    return new String(DECODER.decode(id), StandardCharsets.UTF_8);
  }
}
