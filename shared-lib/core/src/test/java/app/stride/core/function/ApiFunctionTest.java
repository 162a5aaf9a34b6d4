package app.stride.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiFunctionTest {
  private final RequestValidator validator =
      new RequestValidator(
          OpenApiSpec.read("test-api", getClass().getResourceAsStream("/openapi/test-api.yaml")));

  /** Accepts exactly the token "good"; the real verifier has its own tests. */
  private final TokenVerifier verifier =
      token -> {
        if (!"good".equals(token)) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal("u1", RegionId.of("eu"), Set.of(), "j1");
      };

  private final AtomicInteger handled = new AtomicInteger();

  private ApiFunction function(OperationHandler put) {
    return ApiFunction.builder("things", validator, verifier)
        .on("getThing", call -> ApiResponse.json(200, Map.of("id", call.caller().userId())))
        .on("putThing", put)
        .build();
  }

  @Test
  void apply_dispatchesAuthenticatedCall() {
    ApiResponse response = function(call -> ApiResponse.empty(204)).apply(get("Bearer good"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("\"u1\"");
  }

  @Test
  void apply_missingOrBadToken_is401_andHandlerNotCalled() {
    ApiFunction fn = function(call -> countAndAnswer());

    ApiResponse missing = fn.apply(put(null, "{\"name\":\"a\"}"));
    ApiResponse bad = fn.apply(put("Bearer forged", "{\"name\":\"a\"}"));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(handled).hasValue(0);
  }

  @Test
  void apply_invalidBody_is400_andHandlerNotCalled() {
    ApiResponse response = function(call -> countAndAnswer()).apply(put("Bearer good", "{}"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains(ProblemType.VALIDATION_FAILED.uri().toString());
    assertThat(handled).hasValue(0);
  }

  @Test
  void apply_unexpectedFailure_is500_withoutInternals() {
    ApiResponse response =
        function(
                call -> {
                  throw new IllegalStateException("secret table name stride-internal");
                })
            .apply(put("Bearer good", "{\"name\":\"a\"}"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText())
        .contains(ProblemType.INTERNAL.uri().toString())
        .doesNotContain("secret", "IllegalStateException", "at app.stride");
  }

  @Test
  void apply_problemKeepsItsHeaders_andNamesTheInstance() {
    ApiResponse response =
        function(
                call -> {
                  throw new ProblemException(
                      app.stride.core.problem.Problem.of(ProblemType.STORE_UNAVAILABLE, "down"),
                      Map.of("Retry-After", "2"),
                      new RuntimeException("connection refused"));
                })
            .apply(put("Bearer good", "{\"name\":\"a\"}"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("2");
    assertThat(response.bodyText()).contains("\"instance\":\"/v1/things/7\"");
  }

  @Test
  void build_refusesMissingOrForeignHandlers() {
    assertThatThrownBy(
            () ->
                ApiFunction.builder("things", validator, verifier)
                    .on("getThing", call -> ApiResponse.empty(200))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("putThing");
    assertThatThrownBy(
            () ->
                ApiFunction.builder("things", validator, verifier)
                    .on("getThing", call -> ApiResponse.empty(200))
                    .on("putThing", call -> ApiResponse.empty(200))
                    .on("getHealth", call -> ApiResponse.empty(200))
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }

  private ApiResponse countAndAnswer() {
    handled.incrementAndGet();
    return ApiResponse.empty(204);
  }

  private static ApiRequest get(String authorization) {
    return request("GET", authorization, null);
  }

  private static ApiRequest put(String authorization, String body) {
    return request("PUT", authorization, body);
  }

  private static ApiRequest request(String method, String authorization, String body) {
    java.util.HashMap<String, String> headers = new java.util.HashMap<>();
    headers.put("Content-Type", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return new ApiRequest(
        method,
        "/v1/things/7",
        Map.of(),
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1",
        "req-1");
  }
}
