package app.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's breaker per region function, with a stand-in region answering what a test says. */
class GuardedRegionsTest {
  private static final Region EU = RegionCatalog.bundled().require(RegionId.of("eu"));
  private static final OpenApiSpec SPEC = OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi());
  private static final Operation PROFILE = operation("getMyProfile");
  private static final Operation LOGIN = operation("login");
  private static final ApiRequest REQUEST =
      new ApiRequest("GET", "/v1/me/profile", Map.of(), Map.of(), null, "127.0.0.1", "r-1");

  private final ScriptedRegion region = new ScriptedRegion();
  private final GuardedRegions guarded =
      new GuardedRegions(
          Map.of(EU.id(), region), Set.of("profiles", "auth"), new SimpleMeterRegistry());

  @AfterEach
  void close() {
    guarded.close();
  }

  @Test
  void aFunctionsOwn5xx_reachesTheClientUnchanged() {
    region.status = 500;

    ApiResponse response = eu().invoke(PROFILE, REQUEST);

    assertThat(response.status()).isEqualTo(500);
    assertThat(region.calls).hasValue(1);
  }

  @Test
  void repeated5xx_openTheFunctionsBreaker_andLaterCallsAre503AtOnce_withRetryAfter() {
    region.status = 503;
    for (int i = 0; i < GuardedRegions.BREAKER.minimumCalls(); i++) {
      eu().invoke(PROFILE, REQUEST);
    }
    int reached = region.calls.get();

    assertThatThrownBy(() -> eu().invoke(PROFILE, REQUEST))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
              assertThat(e.headers()).containsKey("Retry-After");
            });
    assertThat(region.calls).hasValue(reached);
  }

  @Test
  void oneFunctionsOpenBreaker_leavesTheRegionsOtherFunctionsServing() {
    region.status = 503;
    for (int i = 0; i < GuardedRegions.BREAKER.minimumCalls(); i++) {
      eu().invoke(PROFILE, REQUEST);
    }
    region.status = 200;

    assertThat(eu().invoke(LOGIN, REQUEST).status()).isEqualTo(200);
  }

  @Test
  void clientErrors_neverOpenTheBreaker() {
    region.status = 404;
    for (int i = 0; i < 3 * GuardedRegions.BREAKER.minimumCalls(); i++) {
      eu().invoke(PROFILE, REQUEST);
    }
    region.status = 200;

    assertThat(eu().invoke(PROFILE, REQUEST).status()).isEqualTo(200);
  }

  private RegionRuntime eu() {
    return guarded.regions().get(EU.id());
  }

  private static Operation operation(String id) {
    return SPEC.operations().stream()
        .filter(op -> op.operationId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Answers {@link #status} to every call and counts the calls that reached it. */
  private static final class ScriptedRegion implements RegionRuntime {
    volatile int status = 200;
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Region region() {
      return EU;
    }

    @Override
    public RegionHealth health() {
      return new RegionHealth("eu", "aws", "dynamodb", "http://fake", "UP", null);
    }

    @Override
    public ApiResponse invoke(Operation operation, ApiRequest request) {
      calls.incrementAndGet();
      return status < 400
          ? ApiResponse.json(status, Map.of("ok", true))
          : ApiResponse.problem(
              Problem.of(
                  switch (status) {
                    case 404 -> ProblemType.NOT_FOUND;
                    case 500 -> ProblemType.INTERNAL;
                    default -> ProblemType.STORE_UNAVAILABLE;
                  },
                  "x"),
              Map.of());
    }

    @Override
    public void close() {}
  }
}
