package app.stride.core.auth;

import app.stride.core.region.RegionId;
import java.util.Objects;
import java.util.Set;

/**
 * The verified caller of a request.
 *
 * @param userId the token's {@code sub}
 * @param homeRegion the token's {@code home_region}: the only region whose store holds this user's
 *     data
 * @param scopes the token's {@code scope} values
 * @param tokenId the token's {@code jti}, for audit and revocation
 */
public record Principal(String userId, RegionId homeRegion, Set<String> scopes, String tokenId) {
  public Principal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(homeRegion, "homeRegion");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }
}
