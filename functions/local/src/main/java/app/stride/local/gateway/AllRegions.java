package app.stride.local.gateway;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.Operation;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemType;
import app.stride.local.region.RegionRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An {@code all-regions} call (the JWKS): every region that is up answers, and the gateway serves
 * the union of their {@code keys}, each key once, in region order. A region that is down or fails
 * is left out; with none answering, the call gets {@code 503}.
 */
final class AllRegions {
  private static final String DEFAULT_CACHE = "public, max-age=300";

  private AllRegions() {}

  static ApiResponse merge(
      Collection<RegionRuntime> regions, Operation operation, ApiRequest request) {
    List<JsonNode> keys = new ArrayList<>();
    Set<String> kids = new LinkedHashSet<>();
    String cacheControl = null;
    int answered = 0;
    for (RegionRuntime region : regions) {
      if (!region.health().status().equals("UP")) {
        continue;
      }
      ApiResponse answer = region.invoke(operation, request);
      if (answer.status() != 200) {
        continue;
      }
      JsonNode body;
      try {
        body = Json.mapper().readTree(answer.body());
      } catch (RuntimeException e) {
        continue;
      }
      for (JsonNode key : body.path("keys")) {
        String kid = key.path("kid").asString("");
        if (kids.add(kid.isEmpty() ? key.toString() : kid)) {
          keys.add(key);
        }
      }
      answered++;
      if (cacheControl == null) {
        cacheControl = answer.header("Cache-Control");
      }
    }
    if (answered == 0) {
      return ApiResponse.problem(
          Problem.of(ProblemType.STORE_UNAVAILABLE, "No region could publish its keys."),
          Map.of("Retry-After", "2"));
    }
    Map<String, Object> jwks = new LinkedHashMap<>();
    jwks.put("keys", keys);
    return ApiResponse.json(200, jwks)
        .withHeader("Cache-Control", cacheControl == null ? DEFAULT_CACHE : cacheControl);
  }
}
