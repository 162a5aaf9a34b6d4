package app.stride.auth.credential;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 6 digits, 30-second steps, one step of
 * clock drift either way. Callers keep the last accepted step per account and pass it to {@link
 * #acceptedStep} so that a code is accepted once (replays refused). Thread-safe.
 */
public final class Totp {

  /** Issuer shown by authenticator apps. */
  public static final String ISSUER = "Stride";

  /** Length of a time step. */
  public static final Duration STEP = Duration.ofSeconds(30);

  private static final int DEFAULT_DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final int DRIFT_STEPS = 1;
  private static final String HMAC = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;

  private final Clock clock;
  private final int digits;
  private final TimeBasedOneTimePasswordGenerator generator;
  private final SecureRandom random = new SecureRandom();

  /** TOTP with the standard settings, reading the time from {@code clock}. */
  public Totp(Clock clock) {
    this(clock, DEFAULT_DIGITS);
  }

  /** With another code length: only for the RFC 6238 test vectors, which have 8 digits. */
  Totp(Clock clock, int digits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.digits = digits;
    this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, HMAC);
  }

  /** A fresh secret: 160 random bits, base32 without padding (32 characters). */
  public String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return Base32.encode(secret);
  }

  /**
   * The {@code otpauth://} URI for a QR code: {@code
   * otpauth://totp/Stride:<account>?secret=..&issuer=Stride&algorithm=SHA1&digits=6&period=30},
   * with the account name percent-encoded.
   */
  public String otpauthUri(String secret, String accountName) {
    Base32.decode(Objects.requireNonNull(secret, "secret"));
    if (accountName == null || accountName.isBlank()) {
      throw new IllegalArgumentException("account name is required");
    }
    return "otpauth://totp/"
        + encode(ISSUER)
        + ":"
        + encode(accountName)
        + "?secret="
        + secret.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT)
        + "&issuer="
        + encode(ISSUER)
        + "&algorithm=SHA1&digits="
        + digits
        + "&period="
        + STEP.toSeconds();
  }

  /**
   * The time step a code belongs to, if it is valid now (current step or one step either side) and
   * later than {@code lastUsedStep}; empty for a wrong, malformed or replayed code.
   *
   * @param lastUsedStep the step of the last accepted code for this secret, or {@code -1} if none
   */
  public OptionalLong acceptedStep(String secret, String code, long lastUsedStep) {
    Key key = keyOf(secret);
    String presented = code == null ? "" : code.replace(" ", "");
    if (!isWellFormed(presented)) {
      return OptionalLong.empty();
    }
    long now = stepAt(clock.instant());
    long accepted = -1;
    for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
      boolean same = sameCode(codeAtStep(key, step), presented);
      if (same && step > lastUsedStep && accepted < 0) {
        accepted = step;
      }
    }
    return accepted < 0 ? OptionalLong.empty() : OptionalLong.of(accepted);
  }

  /** The code valid at an instant (for tests and the local demo). */
  public String codeAt(String secret, Instant at) {
    return codeAtStep(keyOf(secret), stepAt(at));
  }

  /** The time step of an instant: whole {@link #STEP}s since the Unix epoch. */
  public static long stepAt(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
  }

  private String codeAtStep(Key key, long step) {
    try {
      return generator.generateOneTimePasswordString(
          key, Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("TOTP secret is not a usable key", e);
    }
  }

  private boolean isWellFormed(String code) {
    return code.length() == digits && code.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean sameCode(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static Key keyOf(String secret) {
    return new SecretKeySpec(Base32.decode(Objects.requireNonNull(secret, "secret")), HMAC);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
