package app.stride.auth.token;

import app.stride.core.auth.JwtTokenVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Signs access tokens with the CURRENT key of the user's home region: an ES256 JWS with header
 * {@code alg: ES256}, {@code typ: at+jwt} (RFC 9068) and the key's {@code kid}; claims {@code iss},
 * {@code aud}, {@code sub}, {@code home_region} (the ring's region), {@code scope}
 * (space-separated, sorted), {@code amr} (RFC 8176 values such as {@code pwd}, {@code otp}, {@code
 * ext}), {@code jti} (a random UUID), {@code iat}, {@code nbf} and {@code exp}. The shared {@link
 * JwtTokenVerifier} accepts exactly these.
 */
public final class AccessTokenIssuer {
  /** The JOSE type of Stride access tokens (RFC 9068). */
  public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  private final String issuer;
  private final String audience;
  private final Duration lifetime;
  private final Clock clock;

  /**
   * An issuer of tokens for {@code audience}, living {@code lifetime} (15 minutes in Stride).
   *
   * @param issuer the {@code iss} verifiers expect
   * @param audience the {@code aud} verifiers expect
   * @param lifetime how long a token is valid; whole seconds
   * @param clock the time source of {@code iat}, {@code nbf} and {@code exp}
   */
  public AccessTokenIssuer(String issuer, String audience, Duration lifetime, Clock clock) {
    this.issuer = requireText(issuer, "issuer");
    this.audience = requireText(audience, "audience");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isZero() || lifetime.isNegative() || lifetime.getNano() != 0) {
      throw new IllegalArgumentException("lifetime must be a positive number of seconds");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Signs an access token for {@code userId}, homed in {@code ring}'s region.
   *
   * @param ring the home region's key ring; its CURRENT key signs
   * @param userId the {@code sub}
   * @param scopes the granted scopes (none: no {@code scope} claim); no blanks or whitespace
   * @param amr how the user authenticated, e.g. {@code ["pwd"]}, {@code ["pwd", "otp"]}, {@code
   *     ["ext"]}; at least one value
   */
  public IssuedAccessToken issue(
      KeyRing ring, String userId, Set<String> scopes, List<String> amr) {
    Objects.requireNonNull(ring, "ring");
    requireText(userId, "userId");
    Objects.requireNonNull(scopes, "scopes").forEach(s -> requireWord(s, "scope"));
    if (Objects.requireNonNull(amr, "amr").isEmpty()) {
      throw new IllegalArgumentException("amr needs at least one method");
    }
    amr.forEach(m -> requireWord(m, "amr"));

    SigningKey key = ring.signingKey();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(lifetime);
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(userId)
            .claim(JwtTokenVerifier.HOME_REGION_CLAIM, ring.region().value())
            .claim("amr", List.copyOf(amr))
            .jwtID(jti)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expiresAt));
    if (!scopes.isEmpty()) {
      claims.claim("scope", String.join(" ", new TreeSet<>(scopes)));
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.kid()).build(),
            claims.build());
    try {
      jwt.sign(new ECDSASigner(key.jwk()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with key " + key.kid(), e);
    }
    return new IssuedAccessToken(jwt.serialize(), jti, expiresAt, lifetime.toSeconds());
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static void requireWord(String value, String name) {
    if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(name + " values are printable ASCII without spaces");
    }
  }
}
