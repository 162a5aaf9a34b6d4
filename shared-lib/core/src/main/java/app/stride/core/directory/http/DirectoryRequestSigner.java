package app.stride.core.directory.http;

import app.stride.core.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies directory requests with a shared secret (HMAC-SHA256).
 *
 * <p>The signed text is {@code METHOD \n path \n timestamp \n base64url(sha256(body))}: the
 * upper-case method, the raw request path as sent (no query: the server refuses one), the epoch
 * seconds of {@value #TIMESTAMP_HEADER} and the body's digest, so neither the target key, the verb,
 * the body nor the time can be changed without breaking the signature. The signature goes in
 * {@value #SIGNATURE_HEADER}, base64url without padding.
 *
 * <p>Verification compares in constant time and accepts a timestamp at most {@link #MAX_CLOCK_SKEW}
 * away from the server clock, either way; a captured request can therefore be replayed only within
 * that window, where every directory operation is harmless to repeat (a second PUT answers 409, a
 * second DELETE changes nothing). This class never exposes the secret.
 */
public final class DirectoryRequestSigner {
  /** Header carrying the signing time in epoch seconds. */
  public static final String TIMESTAMP_HEADER = "X-Stride-Timestamp";

  /** Header carrying the base64url HMAC-SHA256 signature. */
  public static final String SIGNATURE_HEADER = "X-Stride-Signature";

  /** How far a request's timestamp may be from the server clock, in the past or the future. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  /** The shortest secret accepted. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** The outcome of a verification; only {@link #VALID} lets a request through. */
  public enum Verdict {
    VALID,
    /** A header is absent. */
    MISSING,
    /** A header is not of its form (digits; 43 base64url characters). */
    MALFORMED,
    /** The timestamp is more than {@link #MAX_CLOCK_SKEW} from the server clock. */
    OUT_OF_WINDOW,
    /** The signature does not match: another secret, or a changed method, path, time or body. */
    MISMATCH
  }

  private final SecretKeySpec secret;

  /** A signer with {@code secret} (at least {@value #MIN_SECRET_BYTES} bytes; copied). */
  public DirectoryRequestSigner(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the directory API secret needs at least 32 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * A signer with a secret given as standard base64 (the form of {@code
   * STRIDE_DIRECTORY_API_SECRET}). The value is never echoed in an error.
   */
  public static DirectoryRequestSigner fromBase64(String base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the directory API secret is not valid base64");
    }
    return new DirectoryRequestSigner(decoded);
  }

  /** The two headers that sign this request at {@code now}. */
  public Map<String, String> sign(String method, String path, byte[] body, Instant now) {
    requireSingleLine(method, "method");
    requireSingleLine(path, "path");
    String timestamp = Long.toString(now.getEpochSecond());
    return Map.of(
        TIMESTAMP_HEADER,
        timestamp,
        SIGNATURE_HEADER,
        BASE64URL.encodeToString(mac(method, path, timestamp, body)));
  }

  /** Verifies the signature headers of {@code request} against the server time {@code now}. */
  public Verdict verify(ApiRequest request, Instant now) {
    return verify(
        request.method(),
        request.path(),
        request.body(),
        request.header(TIMESTAMP_HEADER).orElse(null),
        request.header(SIGNATURE_HEADER).orElse(null),
        now);
  }

  /** Verifies a request given by its parts; {@code timestamp} and {@code signature} may be null. */
  public Verdict verify(
      String method, String path, byte[] body, String timestamp, String signature, Instant now) {
    if (timestamp == null || signature == null) {
      return Verdict.MISSING;
    }
    if (!TIMESTAMP.matcher(timestamp).matches()
        || !SIGNATURE.matcher(signature).matches()
        || method.indexOf('\n') >= 0
        || path.indexOf('\n') >= 0) {
      return Verdict.MALFORMED;
    }
    long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
    if (skew > MAX_CLOCK_SKEW.toSeconds()) {
      return Verdict.OUT_OF_WINDOW;
    }
    byte[] presented = Base64.getUrlDecoder().decode(signature);
    byte[] expected = mac(method, path, timestamp, body);
    return MessageDigest.isEqual(expected, presented) ? Verdict.VALID : Verdict.MISMATCH;
  }

  private byte[] mac(String method, String path, String timestamp, byte[] body) {
    String text =
        method.toUpperCase(java.util.Locale.ROOT)
            + '\n'
            + path
            + '\n'
            + timestamp
            + '\n'
            + BASE64URL.encodeToString(sha256(body == null ? new byte[0] : body));
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static void requireSingleLine(String value, String name) {
    if (value == null || value.isEmpty() || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("cannot sign a " + name + " that is empty or multi-line");
    }
  }

  @Override
  public String toString() {
    return "DirectoryRequestSigner[secret=redacted]";
  }
}
