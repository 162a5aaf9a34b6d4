package app.stride.infra.config;

import java.util.List;
import java.util.Objects;

/**
 * What the API gateway's JWT authorizer accepts.
 *
 * @param jwtIssuer the {@code iss} every access token must carry (an https URL)
 * @param jwtAudience accepted {@code aud} values
 */
public record AuthConfig(String jwtIssuer, List<String> jwtAudience) {

  /** Validates issuer and audience. */
  public AuthConfig {
    Objects.requireNonNull(jwtIssuer, "jwtIssuer");
    if (!jwtIssuer.startsWith("https://")) {
      throw new IllegalArgumentException("jwtIssuer must be an https URL: " + jwtIssuer);
    }
    jwtAudience = List.copyOf(Objects.requireNonNull(jwtAudience, "jwtAudience"));
    if (jwtAudience.isEmpty()) {
      throw new IllegalArgumentException("jwtAudience must name at least one audience");
    }
  }
}
