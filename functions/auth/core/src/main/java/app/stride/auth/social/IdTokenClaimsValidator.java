package app.stride.auth.social;

import static app.stride.auth.social.SocialTokenRejectedException.AUDIENCE;
import static app.stride.auth.social.SocialTokenRejectedException.EXPIRED;
import static app.stride.auth.social.SocialTokenRejectedException.ISSUED_IN_FUTURE;
import static app.stride.auth.social.SocialTokenRejectedException.ISSUER;
import static app.stride.auth.social.SocialTokenRejectedException.MALFORMED;
import static app.stride.auth.social.SocialTokenRejectedException.NONCE_MISMATCH;
import static app.stride.auth.social.SocialTokenRejectedException.NONCE_MISSING;
import static app.stride.auth.social.SocialTokenRejectedException.NOT_YET_VALID;
import static app.stride.auth.social.SocialTokenRejectedException.SUBJECT;
import static app.stride.auth.social.SocialTokenRejectedException.TOO_OLD;

import app.stride.auth.credential.EmailAddress;
import app.stride.auth.credential.InvalidEmailException;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the claims of an ID token whose signature has already been verified, and reads the
 * identity out of them. Pure: no I/O, the time comes in as an argument.
 */
final class IdTokenClaimsValidator {
  private static final int MAX_SUBJECT_LENGTH = 255;

  private final Duration clockSkew;
  private final Duration maxTokenAge;

  IdTokenClaimsValidator(Duration clockSkew, Duration maxTokenAge) {
    this.clockSkew = clockSkew;
    this.maxTokenAge = maxTokenAge;
  }

  /**
   * The identity the claims assert, if they are issued by the provider for one of our client ids,
   * currently valid, recently issued and bound to this sign-in's nonce.
   *
   * @throws SocialTokenRejectedException otherwise
   */
  SocialIdentity validate(
      SocialProvider provider,
      OidcProviderConfig config,
      JWTClaimsSet claims,
      String rawNonce,
      Instant now) {
    try {
      checkIssuer(provider, config, claims.getIssuer());
      checkAudience(provider, config, claims.getAudience(), claims.getStringClaim("azp"));
      checkTimes(provider, claims, now);
      checkNonce(provider, config, claims.getStringClaim("nonce"), rawNonce);
      String subject = claims.getSubject();
      if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
        throw new SocialTokenRejectedException(provider, SUBJECT);
      }
      return identity(provider, subject, claims);
    } catch (ParseException e) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
  }

  private static void checkIssuer(
      SocialProvider provider, OidcProviderConfig config, String issuer) {
    String expected = config.issuer().toString();
    if (expected.equals(issuer)) {
      return;
    }
    // Google documents both "https://accounts.google.com" and "accounts.google.com" as its iss.
    if (provider == SocialProvider.GOOGLE
        && issuer != null
        && issuer.equals(expected.substring(config.issuer().getScheme().length() + 3))) {
      return;
    }
    throw new SocialTokenRejectedException(provider, ISSUER);
  }

  private static void checkAudience(
      SocialProvider provider, OidcProviderConfig config, List<String> audience, String azp) {
    // OIDC Core 3.1.3.7: reject a token with audiences we do not trust, and with several
    // audiences the authorized party must be ours.
    if (audience.isEmpty() || !config.audiences().containsAll(audience)) {
      throw new SocialTokenRejectedException(provider, AUDIENCE);
    }
    if (audience.size() > 1 && (azp == null || !config.audiences().contains(azp))) {
      throw new SocialTokenRejectedException(provider, AUDIENCE);
    }
  }

  private void checkTimes(SocialProvider provider, JWTClaimsSet claims, Instant now) {
    Instant expires = instant(claims.getExpirationTime());
    if (expires == null || !now.isBefore(expires.plus(clockSkew))) {
      throw new SocialTokenRejectedException(provider, EXPIRED);
    }
    Instant notBefore = instant(claims.getNotBeforeTime());
    if (notBefore != null && notBefore.isAfter(now.plus(clockSkew))) {
      throw new SocialTokenRejectedException(provider, NOT_YET_VALID);
    }
    Instant issued = instant(claims.getIssueTime());
    if (issued == null || issued.isAfter(now.plus(clockSkew))) {
      throw new SocialTokenRejectedException(provider, ISSUED_IN_FUTURE);
    }
    if (issued.isBefore(now.minus(maxTokenAge).minus(clockSkew))) {
      throw new SocialTokenRejectedException(provider, TOO_OLD);
    }
  }

  private static void checkNonce(
      SocialProvider provider, OidcProviderConfig config, String tokenNonce, String rawNonce) {
    if (rawNonce == null || rawNonce.isEmpty() || tokenNonce == null || tokenNonce.isEmpty()) {
      throw new SocialTokenRejectedException(provider, NONCE_MISSING);
    }
    String expected = config.nonceIsSha256() ? sha256Hex(rawNonce) : rawNonce;
    String actual = config.nonceIsSha256() ? tokenNonce.toLowerCase(Locale.ROOT) : tokenNonce;
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8))) {
      throw new SocialTokenRejectedException(provider, NONCE_MISMATCH);
    }
  }

  private static SocialIdentity identity(
      SocialProvider provider, String subject, JWTClaimsSet claims) throws ParseException {
    Optional<EmailAddress> email = email(claims.getStringClaim("email"));
    boolean verified = email.isPresent() && booleanClaim(claims.getClaim("email_verified"));
    boolean privateRelay =
        email.isPresent()
            && (booleanClaim(claims.getClaim("is_private_email"))
                || email.get().isApplePrivateRelay());
    return new SocialIdentity(provider, subject, email, verified, privateRelay);
  }

  private static Optional<EmailAddress> email(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(EmailAddress.parse(raw));
    } catch (InvalidEmailException e) {
      // The token stays valid for its subject; an unusable email only rules out linking by email.
      return Optional.empty();
    }
  }

  /** Apple sends some boolean claims as the strings "true" / "false". */
  private static boolean booleanClaim(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof String s && "true".equalsIgnoreCase(s.trim());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String sha256Hex(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
