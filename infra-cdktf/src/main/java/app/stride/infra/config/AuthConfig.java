package app.stride.infra.config;

import java.util.List;
import java.util.Objects;

/**
 * What access tokens must look like: checked by the API gateway's JWT authorizer and again by the
 * functions' own verifier ({@code STRIDE_JWT_ISSUER}, {@code STRIDE_JWT_AUDIENCE}, {@code
 * STRIDE_JWKS_URL}).
 *
 * @param jwtIssuer the {@code iss} every access token must carry (an https URL)
 * @param jwtAudience accepted {@code aud} values; the functions' verifier takes exactly one, so
 *     stacks that hand it to a function require a single entry
 * @param jwksUrl where the functions fetch the issuer's public keys (an https URL)
 */
public record AuthConfig(String jwtIssuer, List<String> jwtAudience, String jwksUrl) {

  /** Validates issuer, audience and key set URL. */
  public AuthConfig {
    requireHttps(jwtIssuer, "jwtIssuer");
    jwtAudience = List.copyOf(Objects.requireNonNull(jwtAudience, "jwtAudience"));
    if (jwtAudience.isEmpty()) {
      throw new IllegalArgumentException("jwtAudience must name at least one audience");
    }
    requireHttps(jwksUrl, "jwksUrl");
  }

  /**
   * The one audience a function's verifier accepts ({@code STRIDE_JWT_AUDIENCE}).
   *
   * @throws IllegalStateException when several are configured: the verifier cannot take them
   */
  public String functionAudience() {
    if (jwtAudience.size() != 1) {
      throw new IllegalStateException(
          "the functions' token verifier accepts one audience, config names " + jwtAudience);
    }
    return jwtAudience.get(0);
  }

  private static void requireHttps(String url, String name) {
    Objects.requireNonNull(url, name);
    if (!url.startsWith("https://")) {
      throw new IllegalArgumentException(name + " must be an https URL: " + url);
    }
  }
}
