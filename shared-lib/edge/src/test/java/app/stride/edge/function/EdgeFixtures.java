package app.stride.edge.function;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The real mobile API with stub handlers that count their calls, and request builders. */
final class EdgeFixtures {
  static final OpenApiSpec MOBILE_API = mobileApi();

  /** Accepts "Bearer good-&lt;user&gt;" as that user; anything else is 401. */
  static final TokenVerifier VERIFIER =
      token -> {
        if (token == null || !token.startsWith("good-")) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(token.substring("good-".length()), RegionId.of("eu"), Set.of(), "j");
      };

  private EdgeFixtures() {}

  /** The {@code function} operations of the mobile API, each answering 204 and counting. */
  static ApiFunction function(String function, AtomicInteger handled) {
    ApiFunction.Builder builder =
        ApiFunction.builder(function, new RequestValidator(MOBILE_API), VERIFIER);
    for (Operation operation : MOBILE_API.operations()) {
      if (operation.function().equals(function)) {
        builder.on(
            operation.operationId(),
            call -> {
              handled.incrementAndGet();
              return ApiResponse.empty(204);
            });
      }
    }
    return builder.build();
  }

  static ApiRequest request(
      String method, String path, Map<String, String> extraHeaders, String body, String ip) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new ApiRequest(
        method,
        path,
        Map.of(),
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        ip,
        "req-" + System.nanoTime());
  }

  static ApiRequest login(String ip) {
    return request(
        "POST",
        "/v1/auth/login",
        Map.of(),
        "{\"email\":\"runner@example.com\",\"password\":\"a long enough passphrase\"}",
        ip);
  }

  private static OpenApiSpec mobileApi() {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      return OpenApiSpec.readJson("mobile-api", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
