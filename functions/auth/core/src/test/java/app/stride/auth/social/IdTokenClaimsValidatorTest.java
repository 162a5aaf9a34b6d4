package app.stride.auth.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claim rules alone, at their boundaries: no keys, no HTTP. */
class IdTokenClaimsValidatorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final OidcProviderConfig GOOGLE = OidcProviderConfig.google(Set.of("client"));

  private final IdTokenClaimsValidator validator =
      new IdTokenClaimsValidator(Duration.ofSeconds(30), Duration.ofMinutes(10));

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer("https://accounts.google.com")
        .audience("client")
        .subject("123")
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
        .claim("nonce", "n");
  }

  private SocialIdentity validate(JWTClaimsSet.Builder claims) {
    return validator.validate(SocialProvider.GOOGLE, GOOGLE, claims.build(), "n", NOW);
  }

  private void assertRejected(JWTClaimsSet.Builder claims, String reason) {
    assertThatThrownBy(() -> validate(claims))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", reason);
  }

  @Test
  void expiry_isToleratedWithinTheSkew_andNotBeyond() {
    assertThat(validate(claims().expirationTime(Date.from(NOW.minusSeconds(29)))).subject())
        .isEqualTo("123");
    assertRejected(
        claims().expirationTime(Date.from(NOW.minusSeconds(30))),
        SocialTokenRejectedException.EXPIRED);
    assertRejected(claims().expirationTime(null), SocialTokenRejectedException.EXPIRED);
  }

  @Test
  void issueTime_mayBeSlightlyAhead_butNotMore() {
    assertThat(validate(claims().issueTime(Date.from(NOW.plusSeconds(30)))).subject())
        .isEqualTo("123");
    assertRejected(
        claims().issueTime(Date.from(NOW.plusSeconds(31))),
        SocialTokenRejectedException.ISSUED_IN_FUTURE);
  }

  @Test
  void issueTime_olderThanTenMinutesPlusSkew_isTooOld() {
    Instant limit = NOW.minus(Duration.ofMinutes(10)).minusSeconds(30);

    assertThat(validate(claims().issueTime(Date.from(limit))).subject()).isEqualTo("123");
    assertRejected(
        claims().issueTime(Date.from(limit.minusSeconds(1))), SocialTokenRejectedException.TOO_OLD);
  }

  @Test
  void wronglyTypedClaims_areMalformed() {
    assertRejected(claims().claim("nonce", 42), SocialTokenRejectedException.MALFORMED);
    assertRejected(claims().claim("email", true), SocialTokenRejectedException.MALFORMED);
  }

  @Test
  void overlongSubject_isRejected() {
    assertRejected(claims().subject("9".repeat(256)), SocialTokenRejectedException.SUBJECT);
  }

  @Test
  void schemelessIssuer_isOnlyGooglesOwnHost() {
    assertThat(validate(claims().issuer("accounts.google.com")).subject()).isEqualTo("123");
    assertRejected(
        claims().issuer("http://accounts.google.com"), SocialTokenRejectedException.ISSUER);
    assertRejected(
        claims().issuer("accounts.google.com.evil"), SocialTokenRejectedException.ISSUER);
  }

  @Test
  void nonceComparison_isExact_forRawNonces() {
    OidcProviderConfig config =
        new OidcProviderConfig(
            URI.create("https://accounts.google.com"), Set.of("client"), GOOGLE.algorithm(), false);

    assertThatThrownBy(
            () ->
                validator.validate(
                    SocialProvider.GOOGLE, config, claims().claim("nonce", "N").build(), "n", NOW))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.NONCE_MISMATCH);
  }
}
