package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.config.Env;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.edge.observability.EdgeMetrics;
import app.stride.edge.ratelimit.EdgeRateLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The whole edge as a deployable wires it: observer, origin check, rate-limit guard. */
class EdgeHttpTest {
  private static final String SECRET = "c0ffee-origin";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger handled = new AtomicInteger();

  @Test
  void burst_isRefusedWith429_andEveryAnswerIsMeasuredUnderItsOperation() {
    Function<ApiRequest, ApiResponse> auth =
        EdgeHttp.around(
            EdgeFixtures.function("auth", handled),
            new Env(Map.of("STRIDE_REGION", "eu")),
            registry);
    List<ApiResponse> answers = new ArrayList<>();

    for (int i = 0; i < 61; i++) {
      answers.add(auth.apply(EdgeFixtures.login("198.51.100.30")));
    }

    ApiResponse last = answers.get(60);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotBlank();
    assertThat(last.header("RateLimit")).contains("r=0");
    assertThat(last.header("RateLimit-Policy")).contains("\"auth-ip\";q=60;w=60");
    assertThat(handled).hasValue(60);
    assertThat(
            registry
                .get(EdgeMetrics.REQUESTS)
                .tag("function", "auth")
                .tag("region", "eu")
                .tag("operation", "login")
                .tag("status_class", "4xx")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(EdgeMetrics.REQUESTS)
                .tag("operation", "login")
                .tag("status_class", "2xx")
                .timer()
                .count())
        .isEqualTo(60);
    assertThat(registry.get(EdgeRateLimits.DECISIONS).tag("outcome", "limited").counter().count())
        .isEqualTo(1);
  }

  @Test
  void unroutedRequests_areMeasuredAsUnknown_andNotLimited() {
    Function<ApiRequest, ApiResponse> profiles =
        EdgeHttp.around(
            EdgeFixtures.function("profiles", handled),
            new Env(Map.of("STRIDE_REGION", "eu")),
            registry);

    ApiResponse response =
        profiles.apply(EdgeFixtures.request("GET", "/v1/nowhere", Map.of(), null, "192.0.2.1"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(
            registry
                .get(EdgeMetrics.REQUESTS)
                .tag("operation", "unknown")
                .tag("status_class", "4xx")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.find(EdgeRateLimits.DECISIONS).counters()).isEmpty();
  }

  @Test
  void withTheOriginSecret_aDirectCallIs403_beforeRateLimitsOrAuthentication() {
    Function<ApiRequest, ApiResponse> profiles =
        EdgeHttp.around(
            EdgeFixtures.function("profiles", handled),
            new Env(Map.of("STRIDE_REGION", "eu", OriginVerification.SECRET_ENV, SECRET)),
            registry);
    Map<String, String> token = Map.of("Authorization", "Bearer good-u1");

    ApiResponse direct =
        profiles.apply(EdgeFixtures.request("DELETE", "/v1/me/profile", token, null, "192.0.2.1"));
    ApiResponse viaCdn =
        profiles.apply(
            EdgeFixtures.request(
                "DELETE",
                "/v1/me/profile",
                Map.of("Authorization", "Bearer good-u1", OriginVerification.HEADER, SECRET),
                null,
                "192.0.2.1"));

    assertThat(direct.status()).isEqualTo(403);
    assertThat(direct.header("RateLimit")).isNull();
    assertThat(viaCdn.status()).isEqualTo(204);
    assertThat(viaCdn.header("RateLimit")).isNotNull();
    assertThat(handled).hasValue(1);
    assertThat(registry.get(EdgeRateLimits.DECISIONS).counters())
        .as("the refused call took no token")
        .singleElement()
        .satisfies(counter -> assertThat(counter.count()).isEqualTo(1));
    assertThat(
            registry
                .get(EdgeMetrics.REQUESTS)
                .tag("operation", "deleteMyProfile")
                .tag("status_class", "4xx")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void forgedViewerAddress_cannotPickTheBucket_withoutTheOriginCheck() {
    Function<ApiRequest, ApiResponse> auth =
        EdgeHttp.around(
            EdgeFixtures.function("auth", handled),
            new Env(Map.of("STRIDE_REGION", "eu")),
            registry);
    int limited = 0;

    for (int i = 0; i < 70; i++) {
      ApiRequest login = EdgeFixtures.login("198.51.100.40");
      Map<String, String> headers = new HashMap<>(login.headers());
      headers.put(ViewerAddress.HEADER, "203.0.113." + (i + 1));
      ApiResponse answer = auth.apply(withHeaders(login, headers));
      limited += answer.status() == 429 ? 1 : 0;
    }

    assertThat(limited).as("70 addresses claimed, one address (capacity 60) charged").isPositive();
    assertThat(handled.get()).isLessThan(70);
  }

  @Test
  void withTheOriginSecret_eachViewerBehindOneEdgeHasItsOwnBucket() {
    Function<ApiRequest, ApiResponse> auth =
        EdgeHttp.around(
            EdgeFixtures.function("auth", handled),
            new Env(Map.of("STRIDE_REGION", "eu", OriginVerification.SECRET_ENV, SECRET)),
            registry);
    String edge = "130.176.12.34";
    int firstLimited = 0;

    for (int i = 0; i < 70; i++) {
      ApiResponse answer = auth.apply(viaCdn(EdgeFixtures.login(edge), "203.0.113.50"));
      firstLimited += answer.status() == 429 ? 1 : 0;
    }
    ApiResponse other = auth.apply(viaCdn(EdgeFixtures.login(edge), "203.0.113.51"));

    assertThat(firstLimited).as("the first viewer emptied its bucket").isPositive();
    assertThat(other.status())
        .as("another viewer of the same edge is not charged for the first")
        .isEqualTo(204);
  }

  private static ApiRequest viaCdn(ApiRequest request, String viewer) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put(OriginVerification.HEADER, SECRET);
    headers.put(ViewerAddress.HEADER, viewer + ":40000");
    return withHeaders(request, headers);
  }

  private static ApiRequest withHeaders(ApiRequest request, Map<String, String> headers) {
    return new ApiRequest(
        request.method(),
        request.path(),
        request.query(),
        headers,
        request.body(),
        request.sourceIp(),
        request.requestId());
  }
}
