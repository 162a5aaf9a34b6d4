package app.stride.local.gateway;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ValidatedRequest;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local-only routes of {@code local-dev.yaml}: minting development tokens. They exist only in
 * the local platform's gateway.
 */
public final class DevRoutes {
  private final RequestValidator spec;
  private final LocalTokenIssuer issuer;
  private final RegionCatalog regions;
  private final Supplier<Map<String, Object>> health;

  public DevRoutes(
      RequestValidator spec,
      LocalTokenIssuer issuer,
      RegionCatalog regions,
      Supplier<Map<String, Object>> health) {
    this.spec = spec;
    this.issuer = issuer;
    this.regions = regions;
    this.health = health;
  }

  Map<String, Object> health() {
    return health.get();
  }

  ApiResponse handle(ApiRequest request) {
    ValidatedRequest valid = spec.validate(request);
    if (!valid.operation().operationId().equals("createDevToken")) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No route for " + request.path() + ".");
    }
    String userId = valid.body().path("userId").asString();
    String home = valid.body().path("homeRegion").asString();
    if (!home.matches("[a-z][a-z0-9-]{1,15}") || regions.find(RegionId.of(home)).isEmpty()) {
      throw ProblemException.invalid("/homeRegion", "is not a configured region");
    }
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("accessToken", issuer.issue(userId, home));
    token.put("tokenType", "Bearer");
    token.put("expiresIn", LocalTokenIssuer.LIFETIME.toSeconds());
    return Gateway.json(200, token);
  }
}
