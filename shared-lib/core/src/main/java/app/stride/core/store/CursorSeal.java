package app.stride.core.store;

import app.stride.core.config.Env;
import app.stride.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals listing cursors: {@code base64url(payload) "." base64url(HMAC-SHA256(scope, payload))}. The
 * scope names the listing and whose it is, so a cursor made for one user's listing is refused on
 * another's, and one a client edited or made up is refused: both answer {@code 400
 * validation-failed} on {@code query:cursor}. The payload is signed, not encrypted: it holds only
 * ordering values the caller may see. Each store's codec decides what the payload holds; this class
 * is the one place that signs and checks.
 */
public final class CursorSeal {
  /** The environment variable holding the base64 HMAC key, the same in every instance. */
  public static final String KEY_ENV = "STRIDE_CURSOR_KEY";

  /** Where a bad cursor is reported. */
  public static final String POINTER = "query:cursor";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_CURSOR_CHARS = 2048;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /** A seal signing with {@code key}, at least 32 bytes of secret randomness. */
  public CursorSeal(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a cursor key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The seal keyed by {@code STRIDE_CURSOR_KEY}. */
  public static CursorSeal fromEnv(Env env) {
    try {
      return new CursorSeal(Base64.getDecoder().decode(env.require(KEY_ENV)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY_ENV + " must be base64 of at least 32 bytes", e);
    }
  }

  /** The cursor carrying {@code payload} for a listing of {@code scope}. */
  public String seal(String scope, byte[] payload) {
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
  }

  /**
   * The payload of a cursor made for {@code scope}.
   *
   * @throws ProblemException {@code validation-failed} when the cursor is malformed, was altered,
   *     or was made for another scope
   */
  public byte[] open(String scope, String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
      throw invalid();
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw invalid();
    }
    try {
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(scope, payload))) {
        throw invalid();
      }
      return payload;
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The problem a codec raises for a payload it cannot read after the seal checked out. */
  public static ProblemException invalid() {
    return ProblemException.invalid(POINTER, "is not a valid cursor for this listing");
  }

  private byte[] mac(String scope, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(scope.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
