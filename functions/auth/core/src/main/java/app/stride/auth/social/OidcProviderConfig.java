package app.stride.auth.social;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * What Stride trusts of one OpenID Connect provider.
 *
 * @param issuer the issuer identifier; the discovery document is read from {@code
 *     <issuer>/.well-known/openid-configuration} and must name exactly this issuer
 * @param audiences our client ids at the provider (web, iOS, Android, Apple service ids); every
 *     {@code aud} of a token must be one of them
 * @param algorithm the only signature algorithm accepted (asymmetric: RSA or EC family)
 * @param nonceIsSha256 true when the app sends the provider the SHA-256 (hex) of its raw nonce and
 *     Stride the raw nonce, as Sign in with Apple apps do; false when the token carries the raw
 *     nonce
 */
public record OidcProviderConfig(
    URI issuer, Set<String> audiences, JWSAlgorithm algorithm, boolean nonceIsSha256) {

  /** Google's issuer in production. */
  public static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com");

  /** Apple's issuer in production. */
  public static final URI APPLE_ISSUER = URI.create("https://appleid.apple.com");

  private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  /**
   * Checks the issuer is an absolute http(s) URI, the audiences non-blank, the algorithm
   * asymmetric.
   */
  public OidcProviderConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(algorithm, "algorithm");
    String scheme = issuer.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme))
        || issuer.getHost() == null
        || issuer.getQuery() != null
        || issuer.getFragment() != null) {
      throw new IllegalArgumentException("the issuer must be an http(s) URI without query");
    }
    audiences = Set.copyOf(audiences);
    if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("at least one non-blank client id is required");
    }
    if (!JWSAlgorithm.Family.RSA.contains(algorithm)
        && !JWSAlgorithm.Family.EC.contains(algorithm)) {
      throw new IllegalArgumentException("only an asymmetric signature algorithm can be pinned");
    }
  }

  /** Google: issuer {@code https://accounts.google.com}, RS256, raw nonce in the token. */
  public static OidcProviderConfig google(Set<String> clientIds) {
    return new OidcProviderConfig(GOOGLE_ISSUER, clientIds, JWSAlgorithm.RS256, false);
  }

  /**
   * Apple: issuer {@code https://appleid.apple.com}, RS256, the token carries the SHA-256 hex of
   * the raw nonce.
   */
  public static OidcProviderConfig apple(Set<String> clientIds) {
    return new OidcProviderConfig(APPLE_ISSUER, clientIds, JWSAlgorithm.RS256, true);
  }

  /** The same trust with another issuer (a local or test OIDC issuer). */
  public OidcProviderConfig withIssuer(URI otherIssuer) {
    return new OidcProviderConfig(otherIssuer, audiences, algorithm, nonceIsSha256);
  }

  /** Where the provider's discovery document is. */
  public URI discoveryUri() {
    String base = issuer.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + DISCOVERY_PATH);
  }
}
