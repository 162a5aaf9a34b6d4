package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.http.ApiRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

class HttpTracingTest {
  private static final ServiceIdentity PROFILES = new ServiceIdentity("eu", "profiles");
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** slf4j-simple's MDC is a no-op, so the MDC behaviour is checked on SLF4J's basic one. */
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Test
  void open_putsTheCallIntoTheMdc_andRestoresItOnClose() {
    mdc.put(TraceScope.REQUEST_ID, "outer");
    ApiRequest request = request(Map.of("TraceParent", PARENT));

    try (TraceScope scope =
        TraceScope.open(HttpTracing.extract(request), request.requestId(), PROFILES, mdc)) {
      assertThat(TraceScope.current()).containsSame(scope);
      assertThat(mdc.get(TraceScope.TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(mdc.get(TraceScope.SPAN_ID)).isEqualTo(scope.context().spanId());
      assertThat(mdc.get(TraceScope.REQUEST_ID)).isEqualTo("req-1");
      assertThat(mdc.get(TraceScope.REGION)).isEqualTo("eu");
      assertThat(mdc.get(TraceScope.FUNCTION)).isEqualTo("profiles");
    }

    assertThat(mdc.get(TraceScope.REQUEST_ID)).isEqualTo("outer");
    assertThat(mdc.get(TraceScope.TRACE_ID)).isNull();
    assertThat(TraceScope.current()).isEmpty();
  }

  @Test
  void open_continuesTheCallersTrace_withTheRequestId() {
    try (TraceScope scope = HttpTracing.open(request(Map.of("traceparent", PARENT)), PROFILES)) {
      assertThat(scope.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(scope.requestId()).isEqualTo("req-1");
      assertThat(scope.service()).isEqualTo(PROFILES);
    }
    assertThat(TraceScope.current()).isEmpty();
  }

  @Test
  void open_withAnInvalidTraceparent_startsANewTrace_insteadOfFailing() {
    try (TraceScope scope =
        HttpTracing.open(request(Map.of("traceparent", "00-zzz", "tracestate", "a=b")), PROFILES)) {
      assertThat(scope.context().traceId()).matches("[0-9a-f]{32}");
      assertThat(scope.context().tracestate()).isEmpty();
    }
  }

  @Test
  void outboundHeaders_nameTheCurrentSpanAsParent_andPassTracestateOn() {
    try (TraceScope scope =
        HttpTracing.open(
            request(Map.of("traceparent", PARENT, "tracestate", "congo=t61rcWkgMzE")), PROFILES)) {
      Map<String, String> headers = HttpTracing.outboundHeaders();

      assertThat(headers)
          .containsEntry(
              "traceparent",
              "00-4bf92f3577b34da6a3ce929d0e0e4736-" + scope.context().spanId() + "-01")
          .containsEntry("tracestate", "congo=t61rcWkgMzE");
    }
  }

  @Test
  void outboundHeaders_outsideAnyScope_areEmpty() {
    assertThat(HttpTracing.outboundHeaders()).isEmpty();
  }

  @Test
  void scopes_nest_andTheInnerOneIsCurrentUntilClosed() {
    try (TraceScope outer = TraceScope.open(TraceContext.newRoot(), "req-1", PROFILES, mdc)) {
      try (TraceScope inner = TraceScope.open(outer.context().child(), "msg-9", PROFILES, mdc)) {
        assertThat(TraceScope.current()).containsSame(inner);
        assertThat(mdc.get(TraceScope.REQUEST_ID)).isEqualTo("msg-9");
      }
      assertThat(TraceScope.current()).containsSame(outer);
      assertThat(mdc.get(TraceScope.SPAN_ID)).isEqualTo(outer.context().spanId());
    }
  }

  @Test
  void close_fromAnotherThread_isRefused() throws Exception {
    try (TraceScope scope = HttpTracing.open(request(Map.of()), PROFILES)) {
      Throwable failure =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      scope.close();
                      return null;
                    } catch (IllegalStateException e) {
                      return e;
                    }
                  })
              .get();
      assertThat(failure).isInstanceOf(IllegalStateException.class);
      assertThat(TraceScope.current()).containsSame(scope);
    }
    assertThatThrownBy(() -> new ServiceIdentity(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ApiRequest request(Map<String, String> headers) {
    return new ApiRequest("GET", "/v1/me", Map.of(), headers, null, "203.0.113.9", "req-1");
  }
}
