package app.stride.devices.webhook;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC computation and constant-time comparison of a received signature, in the encodings providers
 * use (hex, base64). A signature that does not decode simply does not match: decoding failures are
 * never reported differently from mismatches.
 */
public final class Hmac {
  /** HMAC-SHA256 (Polar, Suunto). */
  public static final String SHA256 = "HmacSHA256";

  private Hmac() {}

  /** The MAC of {@code data} under {@code key}. */
  public static byte[] mac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
    }
  }

  /** Whether a hex-encoded signature (either case, optional {@code sha256=} prefix) matches. */
  public static boolean matchesHex(byte[] expected, String received) {
    String value = stripPrefix(received);
    if (value == null || value.length() != expected.length * 2) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, decoded);
  }

  /** Whether a base64-encoded (standard alphabet, padded or not) signature matches. */
  public static boolean matchesBase64(byte[] expected, String received) {
    String value = stripPrefix(received);
    if (value == null || value.length() > 4 * expected.length) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, decoded);
  }

  private static String stripPrefix(String received) {
    if (received == null) {
      return null;
    }
    String value = received.strip();
    int eq = value.indexOf('=');
    if (eq > 0 && eq < 8 && value.substring(0, eq).startsWith("sha")) {
      value = value.substring(eq + 1);
    }
    return value;
  }
}
