package app.stride.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Test
  void guard_refusal_keepsTheHandlerFromRunning_andAnswersItsProblemWithItsHeaders() {
    CallGuard refuseAll =
        (request, operation, caller) -> {
          throw new ProblemException(
              Problem.of(ProblemType.RATE_LIMITED, "slow down"),
              Map.of("Retry-After", "6", "RateLimit", "\"things-ip\";r=0;t=6"),
              null);
        };
    ApiFunction fn = guarded(refuseAll);

    ApiResponse response = fn.apply(put("Bearer good", "{\"name\":\"a\"}"));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Retry-After")).isEqualTo("6");
    assertThat(response.header("RateLimit")).isEqualTo("\"things-ip\";r=0;t=6");
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(handled).hasValue(0);
  }

  @Test
  void guard_seesTheRoutedOperationAndTheVerifiedCaller_beforeBodyValidation() {
    List<String> seen = new ArrayList<>();
    ApiFunction fn =
        guarded(
            (request, operation, caller) -> {
              seen.add(operation.operationId() + "/" + caller.map(Principal::userId).orElse("-"));
              return Map.of();
            });

    ApiResponse invalid = fn.apply(put("Bearer good", "{}"));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(seen).containsExactly("putThing/u1");
    assertThat(handled).hasValue(0);
  }

  @Test
  void guard_admittedHeaders_reachTheResponse() {
    ApiFunction fn = guarded(admitWith("RateLimit", "\"things-user\";r=9;t=0"));

    ApiResponse response = fn.apply(put("Bearer good", "{\"name\":\"a\"}"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("RateLimit")).isEqualTo("\"things-user\";r=9;t=0");
    assertThat(response.header("RateLimit-Policy")).isEqualTo("\"things-user\";q=10;w=60");
    assertThat(handled).hasValue(1);
  }

  @Test
  void guard_admittedHeaders_stayOnProblemAnswersAfterAdmission() {
    ApiFunction invalidBody = guarded(admitWith("RateLimit", "\"things-user\";r=9;t=0"));
    ApiFunction failing =
        ApiFunction.builder("things", validator, verifier)
            .on("getThing", call -> ApiResponse.empty(200))
            .on(
                "putThing",
                call -> {
                  throw new ProblemException(
                      Problem.of(ProblemType.STORE_UNAVAILABLE, "down"),
                      Map.of("Retry-After", "2"),
                      null);
                })
            .guard(admitWith("RateLimit", "\"things-user\";r=8;t=0"))
            .build();
    ApiFunction crashing =
        ApiFunction.builder("things", validator, verifier)
            .on("getThing", call -> ApiResponse.empty(200))
            .on(
                "putThing",
                call -> {
                  throw new IllegalStateException("boom");
                })
            .build()
            .withGuard(admitWith("RateLimit", "\"things-user\";r=7;t=0"));

    ApiResponse validation = invalidBody.apply(put("Bearer good", "{}"));
    ApiResponse unavailable = failing.apply(put("Bearer good", "{\"name\":\"a\"}"));
    ApiResponse internal = crashing.apply(put("Bearer good", "{\"name\":\"a\"}"));

    assertThat(validation.status()).isEqualTo(400);
    assertThat(validation.header("RateLimit")).isEqualTo("\"things-user\";r=9;t=0");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.header("RateLimit")).isEqualTo("\"things-user\";r=8;t=0");
    assertThat(unavailable.header("Retry-After")).isEqualTo("2");
    assertThat(internal.status()).isEqualTo(500);
    assertThat(internal.header("RateLimit")).isEqualTo("\"things-user\";r=7;t=0");
  }

  @Test
  void guard_chargesFailedAuthentication_withoutACaller_soForgedTokensCanBeThrottled() {
    List<Optional<Principal>> callers = new ArrayList<>();
    CallGuard refuseAnonymous =
        (request, operation, caller) -> {
          callers.add(caller);
          if (caller.isEmpty()) {
            throw new ProblemException(
                Problem.of(ProblemType.RATE_LIMITED, "slow down"),
                Map.of("Retry-After", "1"),
                null);
          }
          return Map.of();
        };

    ApiResponse forged = guarded(refuseAnonymous).apply(put("Bearer forged", "{\"name\":\"a\"}"));

    assertThat(forged.status()).isEqualTo(429);
    assertThat(callers).containsExactly(Optional.empty());
    assertThat(handled).hasValue(0);
  }

  @Test
  void guard_admittingAFailedAuthentication_stillAnswers401_withItsHeaders() {
    ApiResponse forged =
        guarded(admitWith("RateLimit", "\"things-ip\";r=3;t=0"))
            .apply(put("Bearer forged", "{\"name\":\"a\"}"));

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.header("RateLimit")).isEqualTo("\"things-ip\";r=3;t=0");
    assertThat(handled).hasValue(0);
  }

  @Test
  void guard_isNotAskedForUnroutedRequests() {
    AtomicInteger asked = new AtomicInteger();
    ApiFunction fn =
        guarded(
            (request, operation, caller) -> {
              asked.incrementAndGet();
              return Map.of();
            });

    ApiResponse unknown = fn.apply(request("GET", "/v1/nothing", "Bearer good", null));
    ApiResponse wrongMethod = fn.apply(request("DELETE", "/v1/things/7", "Bearer good", null));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(asked).hasValue(0);
  }

  @Test
  void operationIdOf_namesServedOperations_andNullOtherwise() {
    ApiFunction fn = function(call -> ApiResponse.empty(204));

    assertThat(fn.operationIdOf(get(null))).isEqualTo("getThing");
    assertThat(fn.operationIdOf(request("GET", "/health", null, null))).isNull();
    assertThat(fn.operationIdOf(request("GET", "/v1/nothing", null, null))).isNull();
    assertThat(fn.operationIdOf(request("DELETE", "/v1/things/7", null, null))).isNull();
  }

  @Test
  void askingTheOperationFirst_thenServing_answersAsServingAlone_evenForAnotherRequest() {
    ApiFunction fn = function(call -> ApiResponse.empty(204));
    ApiRequest unknown = request("GET", "/v1/nothing", "Bearer good", null);
    ApiRequest thing = get("Bearer good");

    assertThat(fn.operationIdOf(unknown)).isNull();
    assertThat(fn.apply(unknown).status()).as("the remembered routing failure").isEqualTo(404);
    assertThat(fn.operationIdOf(thing)).isEqualTo("getThing");
    assertThat(fn.apply(thing).status()).isEqualTo(200);
    assertThat(fn.operationIdOf(thing)).isEqualTo("getThing");
    assertThat(fn.apply(request("DELETE", "/v1/things/7", "Bearer good", null)).status())
        .as("a different request is routed afresh, not given the remembered operation")
        .isEqualTo(405);
    assertThat(fn.apply(unknown).status()).isEqualTo(404);
  }

  @Test
  void rememberedRouting_servesACopyOfTheRequest_butNeverAnotherPathOrMethod() {
    ApiFunction fn = function(call -> ApiResponse.empty(204));
    ApiRequest thing = get("Bearer good");
    ApiRequest fromViewer = thing.withSourceIp("203.0.113.7");
    ApiRequest unknown = request("GET", "/v1/nothing", "Bearer good", null);

    assertThat(fn.operationIdOf(thing)).isEqualTo("getThing");
    assertThat(fn.apply(fromViewer).status())
        .as("the origin check's copy (another source address) is the same route")
        .isEqualTo(200);
    assertThat(fn.operationIdOf(thing)).isEqualTo("getThing");
    assertThat(fn.apply(unknown).status()).as("same method, another path").isEqualTo(404);
    assertThat(fn.operationIdOf(unknown)).isNull();
    assertThat(fn.apply(thing).status()).as("a remembered failure stays its path's").isEqualTo(200);
    assertThat(fn.operationIdOf(thing)).isEqualTo("getThing");
    assertThat(fn.apply(put("Bearer good", "{\"name\":\"a\"}")).status())
        .as("same path, another method")
        .isEqualTo(204);
  }

  private ApiFunction guarded(CallGuard guard) {
    return ApiFunction.builder("things", validator, verifier)
        .on("getThing", call -> ApiResponse.empty(200))
        .on("putThing", call -> countAndAnswer())
        .guard(guard)
        .build();
  }

  private static CallGuard admitWith(String name, String value) {
    return (request, operation, caller) ->
        Map.of(name, value, "RateLimit-Policy", "\"things-user\";q=10;w=60");
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
    return request(method, "/v1/things/7", authorization, body);
  }

  private static ApiRequest request(String method, String path, String authorization, String body) {
    java.util.HashMap<String, String> headers = new java.util.HashMap<>();
    headers.put("Content-Type", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return new ApiRequest(
        method,
        path,
        Map.of(),
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1",
        "req-1");
  }
}
