package app.stride.auth.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apple ID tokens against a local OIDC issuer: the nonce claim is the SHA-256 hex of the raw nonce,
 * booleans come as strings, private relay addresses are flagged.
 */
class AppleIdTokenVerificationTest {
  private static final String SERVICE_ID = "app.stride.ios";
  private static final String RAW_NONCE = "9c1f7e8e-raw-nonce-from-the-app";
  private static final RSAKey KEY = OidcTestIssuer.key(0, "apple-key-1");

  private static final OidcTestIssuer issuer = OidcTestIssuer.shared();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private OidcIdTokenVerifier verifier;

  @BeforeEach
  void publishKeys() {
    issuer.reset();
    issuer.publish(KEY);
    verifier =
        new OidcIdTokenVerifier(
            Map.of(
                SocialProvider.APPLE,
                OidcProviderConfig.apple(Set.of(SERVICE_ID)).withIssuer(issuer.issuer())),
            OidcIdTokenVerifier.defaultHttpClient(),
            clock,
            OidcTestIssuer.settings());
  }

  private JWTClaimsSet.Builder claims() {
    return issuer
        .claims(SERVICE_ID, clock.instant(), sha256Hex(RAW_NONCE))
        .subject("001234.abcdef0123456789.1234")
        .claim("email", "runner@example.com")
        .claim("email_verified", "true")
        .claim("nonce_supported", true);
  }

  private SocialIdentity verify(JWTClaimsSet.Builder claims, String nonce) {
    return verifier.verify(SocialProvider.APPLE, OidcTestIssuer.sign(KEY, claims.build()), nonce);
  }

  @Test
  void verify_acceptsRawNonceWhoseSha256IsInTheToken() {
    SocialIdentity identity = verify(claims(), RAW_NONCE);

    assertThat(identity.provider()).isEqualTo(SocialProvider.APPLE);
    assertThat(identity.subject()).isEqualTo("001234.abcdef0123456789.1234");
    assertThat(identity.emailVerified()).isTrue();
    assertThat(identity.privateRelay()).isFalse();
  }

  @Test
  void verify_acceptsUpperCaseHexNonceClaim() {
    JWTClaimsSet.Builder upper = claims().claim("nonce", sha256Hex(RAW_NONCE).toUpperCase());

    assertThat(verify(upper, RAW_NONCE).subject()).isNotBlank();
  }

  @Test
  void verify_rejectsTheHashSentAsIfItWereTheRawNonce() {
    assertThatThrownBy(() -> verify(claims(), sha256Hex(RAW_NONCE)))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.NONCE_MISMATCH);
  }

  @Test
  void verify_rejectsRawNonceInTheTokenInsteadOfItsHash() {
    assertThatThrownBy(() -> verify(claims().claim("nonce", RAW_NONCE), RAW_NONCE))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.NONCE_MISMATCH);
  }

  @Test
  void verify_readsEmailVerifiedFalseSentAsString() {
    SocialIdentity identity = verify(claims().claim("email_verified", "false"), RAW_NONCE);

    assertThat(identity.email()).isPresent();
    assertThat(identity.emailVerified()).isFalse();
  }

  @Test
  void verify_treatsUnexpectedEmailVerifiedValueAsUnverified() {
    SocialIdentity identity = verify(claims().claim("email_verified", "yes"), RAW_NONCE);

    assertThat(identity.emailVerified()).isFalse();
  }

  @Test
  void verify_flagsPrivateRelayAddress() {
    SocialIdentity identity =
        verify(
            claims()
                .claim("email", "x7kq2m9p4d@privaterelay.appleid.com")
                .claim("is_private_email", "true"),
            RAW_NONCE);

    assertThat(identity.privateRelay()).isTrue();
    assertThat(identity.emailVerified()).isTrue();
    assertThat(identity.email()).get().extracting(e -> e.isApplePrivateRelay()).isEqualTo(true);
  }

  @Test
  void verify_flagsRelayDomainEvenWithoutIsPrivateEmailClaim() {
    SocialIdentity identity =
        verify(claims().claim("email", "x7kq2m9p4d@privaterelay.appleid.com"), RAW_NONCE);

    assertThat(identity.privateRelay()).isTrue();
  }

  @Test
  void verify_flagsIsPrivateEmailSentAsBoolean() {
    SocialIdentity identity = verify(claims().claim("is_private_email", true), RAW_NONCE);

    assertThat(identity.privateRelay()).isTrue();
  }

  @Test
  void verify_acceptsTokenWithoutEmail_asUnverifiedIdentity() {
    // Apple sends the email only on the first sign-in of a user with an app.
    SocialIdentity identity =
        verify(claims().claim("email", null).claim("email_verified", null), RAW_NONCE);

    assertThat(identity.email()).isEmpty();
    assertThat(identity.emailVerified()).isFalse();
    assertThat(identity.privateRelay()).isFalse();
  }

  @Test
  void verify_rejectsGoogleStyleSchemelessIssuerForApple() {
    String schemeless = issuer.issuer().toString().substring("http://".length());

    assertThatThrownBy(() -> verify(claims().issuer(schemeless), RAW_NONCE))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.ISSUER);
  }

  @Test
  void verify_rejectsEs256EvenThoughAppleKeysAreRsa() {
    String es256Header =
        OidcTestIssuer.sign(
            KEY,
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
            claims().build());
    String swapped =
        com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\"apple-key-1\"}")
            + es256Header.substring(es256Header.indexOf('.'));

    assertThatThrownBy(() -> verifier.verify(SocialProvider.APPLE, swapped, RAW_NONCE))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.ALGORITHM);
  }

  private static String sha256Hex(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
