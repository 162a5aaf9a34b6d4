package app.stride.devices.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636) with the S256 method. */
public final class Pkce {
  /** The only method we use. */
  public static final String METHOD = "S256";

  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

  private Pkce() {}

  /** Whether a code verifier has the form RFC 7636 §4.1 requires. */
  public static boolean isValidVerifier(String verifier) {
    return verifier != null && VERIFIER.matcher(verifier).matches();
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))}, without padding (RFC 7636 §4.2). */
  public static String challengeS256(String verifier) {
    if (!isValidVerifier(verifier)) {
      throw new IllegalArgumentException("a code verifier is 43 to 128 unreserved characters");
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
