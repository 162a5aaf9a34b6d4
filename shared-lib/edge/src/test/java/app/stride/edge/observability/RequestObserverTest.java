package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestObserverTest {
  private static final ServiceIdentity PROFILES = new ServiceIdentity("us", "profiles");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<RequestLogLine> lines = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private final RequestObserver observer =
      new RequestObserver(PROFILES, new EdgeMetrics(registry, PROFILES), lines::add, nanos::get);

  @Test
  void around_logsAndMeasuresEachRequestOnce() {
    var observed =
        observer.around(
            request -> {
              nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(42));
              assertThat(TraceScope.current()).isPresent();
              return ApiResponse.empty(204);
            },
            request -> "deleteMyProfile");

    ApiResponse response = observed.apply(request());

    assertThat(response.status()).isEqualTo(204);
    var timer = registry.get(EdgeMetrics.REQUESTS).tag("operation", "deleteMyProfile").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42);
    assertThat(TraceScope.current()).isEmpty();
    assertThat(lines).singleElement().extracting(RequestLogLine::latencyMs).isEqualTo(42L);
  }

  @Test
  void start_completeThenClose_writesOneLineWithTheOutcome() {
    List<RequestLogLine> written = new ArrayList<>();
    RequestObserver recording =
        new RequestObserver(
            PROFILES, new EdgeMetrics(registry, PROFILES), written::add, nanos::get);

    try (RequestObserver.ObservedRequest call = recording.start(request())) {
      call.operation("getMyProfile");
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(7));
      call.complete(ApiResponse.empty(200));
    }

    assertThat(written)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.requestId()).isEqualTo("req-7");
              assertThat(line.region()).isEqualTo("us");
              assertThat(line.function()).isEqualTo("profiles");
              assertThat(line.operationId()).isEqualTo("getMyProfile");
              assertThat(line.method()).isEqualTo("GET");
              assertThat(line.status()).isEqualTo(200);
              assertThat(line.latencyMs()).isEqualTo(7);
              assertThat(line.traceId()).matches("[0-9a-f]{32}");
            });
  }

  @Test
  void around_countsAThrowingHandlerAsA500_andRethrows() {
    List<RequestLogLine> written = new ArrayList<>();
    RequestObserver recording =
        new RequestObserver(
            PROFILES, new EdgeMetrics(registry, PROFILES), written::add, nanos::get);
    var observed =
        recording.around(
            request -> {
              throw new IllegalStateException("boom");
            },
            request -> "getMyProfile");

    assertThatThrownBy(() -> observed.apply(request())).hasMessage("boom");

    assertThat(written).singleElement().extracting(RequestLogLine::status).isEqualTo(500);
    assertThat(registry.get(EdgeMetrics.ERRORS).counter().count()).isEqualTo(1);
  }

  private static ApiRequest request() {
    return new ApiRequest("get", "/v1/me", Map.of(), Map.of(), null, "198.51.100.4", "req-7");
  }
}
