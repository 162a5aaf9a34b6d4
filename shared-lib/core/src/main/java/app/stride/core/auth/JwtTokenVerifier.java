package app.stride.core.auth;

import app.stride.core.crypto.NativeCrypto;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies Stride access tokens: compact JWS, algorithm pinned to ES256, key chosen by {@code kid}
 * from the issuer's JWKS, {@code iss} and {@code aud} exact, {@code exp} and {@code nbf} checked
 * against the clock with a small skew, and {@code sub}, {@code home_region}, {@code jti} required.
 * The signing key must belong to the token's home region: its {@code kid} must be a {@link
 * RegionKeyIds key id} of that region, so a key of one region cannot vouch for a user of another.
 * The signature is checked on the native provider where it works ({@link NativeCrypto}), else on
 * the JDK's.
 */
public final class JwtTokenVerifier implements TokenVerifier {
  /** The claim that names the caller's home region. */
  public static final String HOME_REGION_CLAIM = "home_region";

  private static final int MAX_TOKEN_LENGTH = 8 * 1024;

  /**
   * How far {@code exp} and {@code nbf} may be off the verifier's clock: a token lives this much
   * longer than its {@code exp} says, which the issuer's key rotation must allow for.
   */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** Connect and read time limit of one JWKS fetch: the issuer is in our own cloud. */
  public static final Duration JWKS_FETCH_TIMEOUT = Duration.ofSeconds(1);

  /** Largest JWKS document accepted (a handful of EC keys is about 1 KiB). */
  public static final int JWKS_SIZE_LIMIT = 64 * 1024;

  /** How long the last JWKS fetched keeps verifying while the URL cannot be reached. */
  public static final Duration JWKS_OUTAGE_TOLERANCE = Duration.ofHours(6);

  /** Seconds a client is told to wait when no keys can be had. */
  static final String JWKS_RETRY_AFTER_SECONDS = "5";

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String signatureProvider;

  private JwtTokenVerifier(
      JWKSource<SecurityContext> keys,
      String issuer,
      String audience,
      Clock clock,
      Optional<Provider> nativeProvider) {
    processor = new DefaultJWTProcessor<>();
    DefaultJWSVerifierFactory signatures = new DefaultJWSVerifierFactory();
    nativeProvider.ifPresent(p -> signatures.getJCAContext().setProvider(p));
    processor.setJWSVerifierFactory(signatures);
    signatureProvider = nativeProvider.map(Provider::getName).orElse("JDK");
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat", "jti", HOME_REGION_CLAIM),
            Set.of()) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** A verifier that trusts exactly the public keys of the given JWKS (local platform, tests). */
  public static JwtTokenVerifier forJwks(
      JWKSet publicKeys, String issuer, String audience, Clock clock) {
    return forJwks(publicKeys, issuer, audience, clock, NativeCrypto.provider());
  }

  /**
   * As {@link #forJwks(JWKSet, String, String, Clock)}, signatures on {@code nativeProvider}, or on
   * the JDK's providers when it is empty (tests and benchmarks compare the two).
   */
  public static JwtTokenVerifier forJwks(
      JWKSet publicKeys,
      String issuer,
      String audience,
      Clock clock,
      Optional<Provider> nativeProvider) {
    if (publicKeys.getKeys().stream().anyMatch(k -> k.isPrivate())) {
      throw new IllegalArgumentException("a verifier must be given public keys only");
    }
    return new JwtTokenVerifier(
        new ImmutableJWKSet<>(publicKeys), issuer, audience, clock, nativeProvider);
  }

  /**
   * A verifier that fetches the issuer's JWKS from a URL, caching it and refreshing it when an
   * unknown {@code kid} appears (key rotation), with rate limiting of refreshes. Each fetch is
   * bounded ({@link #jwksRetriever()}); while the URL cannot be reached the last keys fetched keep
   * verifying for {@link #JWKS_OUTAGE_TOLERANCE}, and without any keys a token is answered {@code
   * 503 dependency-unavailable} with {@code Retry-After}, never 401 (the token may be fine).
   */
  public static JwtTokenVerifier forJwksUrl(
      URI jwksUrl, String issuer, String audience, Clock clock) {
    return forJwksUrl(jwksUrl, issuer, audience, clock, NativeCrypto.provider());
  }

  /** As {@link #forJwksUrl(URI, String, String, Clock)}, signatures on the given provider. */
  public static JwtTokenVerifier forJwksUrl(
      URI jwksUrl, String issuer, String audience, Clock clock, Optional<Provider> nativeProvider) {
    return forJwksUrl(jwksUrl, issuer, audience, clock, nativeProvider, jwksRetriever());
  }

  /**
   * As {@link #forJwksUrl(URI, String, String, Clock, Optional)}, fetching with {@code retriever}:
   * shared-edge wraps {@link #jwksRetriever()} in a circuit breaker and bulkhead ({@code
   * GuardedResourceRetriever}); core cannot depend on the edge, so the wiring passes it.
   */
  public static JwtTokenVerifier forJwksUrl(
      URI jwksUrl,
      String issuer,
      String audience,
      Clock clock,
      Optional<Provider> nativeProvider,
      ResourceRetriever retriever) {
    try {
      JWKSource<SecurityContext> source =
          JWKSourceBuilder.create(jwksUrl.toURL(), retriever)
              .retrying(true)
              .outageTolerant(JWKS_OUTAGE_TOLERANCE.toMillis())
              .build();
      return new JwtTokenVerifier(source, issuer, audience, clock, nativeProvider);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad JWKS URL " + jwksUrl, e);
    }
  }

  /**
   * nimbus' retriever with Stride's bounds: {@link #JWKS_FETCH_TIMEOUT} to connect and again to
   * read, at most {@link #JWKS_SIZE_LIMIT} bytes.
   */
  public static ResourceRetriever jwksRetriever() {
    int millis = (int) JWKS_FETCH_TIMEOUT.toMillis();
    return new DefaultResourceRetriever(millis, millis, JWKS_SIZE_LIMIT);
  }

  /** The JCA provider that checks signatures: ACCP's name, or {@code JDK} for the defaults. */
  public String signatureProvider() {
    return signatureProvider;
  }

  @Override
  public Principal verify(String token) {
    if (token == null || token.isBlank()) {
      throw unauthorized("A bearer access token is required.");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw unauthorized("The access token is too long.");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = processor.process(jwt, null);
    } catch (ParseException e) {
      throw unauthorized("The access token is malformed.");
    } catch (BadJOSEException e) {
      throw unauthorized("The access token is invalid or expired.");
    } catch (KeySourceException e) {
      throw keysUnavailable(e);
    } catch (JOSEException e) {
      throw unauthorized("The access token could not be verified.");
    }
    Principal caller = toPrincipal(claims);
    if (!RegionKeyIds.belongsTo(jwt.getHeader().getKeyID(), caller.homeRegion())) {
      throw unauthorized("The access token is signed by a key of another region.");
    }
    return caller;
  }

  private static Principal toPrincipal(JWTClaimsSet claims) {
    try {
      String home = claims.getStringClaim(HOME_REGION_CLAIM);
      RegionId region;
      try {
        region = RegionId.of(home);
      } catch (IllegalArgumentException e) {
        throw unauthorized("The access token names no valid home region.");
      }
      Set<String> scopes = new HashSet<>();
      String scope = claims.getStringClaim("scope");
      if (scope != null) {
        scopes.addAll(List.of(scope.trim().split("\\s+")));
      }
      return new Principal(claims.getSubject(), region, scopes, claims.getJWTID());
    } catch (ParseException e) {
      throw unauthorized("The access token has a malformed claim.");
    }
  }

  /** The issuer's keys cannot be fetched (and none are cached): the token was not judged. */
  private static ProblemException keysUnavailable(KeySourceException cause) {
    return new ProblemException(
        app.stride.core.problem.Problem.of(
            ProblemType.DEPENDENCY_UNAVAILABLE,
            "Access tokens cannot be checked right now; try again shortly."),
        java.util.Map.of("Retry-After", JWKS_RETRY_AFTER_SECONDS),
        cause);
  }

  private static ProblemException unauthorized(String detail) {
    return new ProblemException(
        app.stride.core.problem.Problem.of(ProblemType.UNAUTHORIZED, detail),
        java.util.Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
        null);
  }
}
