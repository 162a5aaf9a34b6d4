package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.trigger.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventTracingTest {
  private static final ServiceIdentity ERASER = new ServiceIdentity("eu", "profiles");
  private static final TraceContext PRODUCER =
      TraceContext.parse(
              "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE")
          .orElseThrow();
  private static final String EVENT =
      "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/stride/eu/auth\","
          + "\"type\":\"app.stride.user.v1.deleted\",\"subject\":\"u-1\","
          + "\"data\":{\"userId\":\"u-1\",\"weightKg\":72.50,\"steps\":12345678901234567890}}";

  @Test
  void withTrace_addsTheExtensionAttributes_andKeepsEverythingElseExactly() {
    OutboundEvent traced = EventTracing.withTrace(event(EVENT), PRODUCER);

    JsonNode json = Json.mapper().readTree(traced.json());
    assertThat(json.get("traceparent").asString()).isEqualTo(PRODUCER.traceparent());
    assertThat(json.get("tracestate").asString()).isEqualTo("congo=t61rcWkgMzE");
    String text = new String(traced.json(), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(EVENT.substring(0, EVENT.length() - 1))
        .contains("72.50")
        .contains("12345678901234567890");
    assertThat(traced.id()).isEqualTo("evt-1");
    assertThat(traced.subject()).isEqualTo("u-1");
  }

  @Test
  void withTrace_keepsATraceTheEventAlreadyCarries() {
    OutboundEvent first = EventTracing.withTrace(event(EVENT), PRODUCER);

    OutboundEvent relayed = EventTracing.withTrace(first, TraceContext.newRoot());

    assertThat(relayed).isSameAs(first);
  }

  @Test
  void withTrace_leavesAnEventThatIsNotAJsonObjectAlone() {
    OutboundEvent odd = event("[1,2,3]");
    OutboundEvent broken = event("{not json");

    assertThat(EventTracing.withTrace(odd, PRODUCER)).isSameAs(odd);
    assertThat(EventTracing.withTrace(broken, PRODUCER)).isSameAs(broken);
  }

  @Test
  void withCurrentTrace_usesTheOpenScope_andDoesNothingOutsideOne() {
    OutboundEvent plain = event(EVENT);
    assertThat(EventTracing.withCurrentTrace(plain)).isSameAs(plain);

    try (TraceScope scope = TraceScope.open(PRODUCER, "req-1", ERASER)) {
      OutboundEvent traced = EventTracing.withCurrentTrace(plain);
      assertThat(EventTracing.attributes(traced))
          .containsEntry("ce-traceparent", scope.context().traceparent())
          .containsEntry("ce-tracestate", "congo=t61rcWkgMzE");
    }
  }

  @Test
  void roundTrip_theConsumerContinuesTheProducersTrace_fromTheBody() {
    OutboundEvent sent = EventTracing.withTrace(event(EVENT), PRODUCER);
    QueueMessage received = new QueueMessage("m-1", sent.json(), Map.of("ce-id", "evt-1"), 1);

    try (TraceScope scope = EventTracing.open(received, ERASER)) {
      assertThat(scope.context().traceId()).isEqualTo(PRODUCER.traceId());
      assertThat(scope.context().spanId()).isNotEqualTo(PRODUCER.spanId());
      assertThat(scope.context().tracestate()).contains("congo=t61rcWkgMzE");
      assertThat(scope.requestId()).isEqualTo("m-1");
    }
  }

  @Test
  void read_prefersTheTransportAttribute() {
    TraceContext other = TraceContext.newRoot();
    QueueMessage message =
        new QueueMessage(
            "m-2",
            EventTracing.withTrace(event(EVENT), PRODUCER).json(),
            Map.of("ce-traceparent", other.traceparent()),
            1);

    assertThat(EventTracing.read(message)).contains(other);
  }

  @Test
  void read_fallsBackToTheBody_whenTheAttributeIsInvalid() {
    QueueMessage message =
        new QueueMessage(
            "m-3",
            EventTracing.withTrace(event(EVENT), PRODUCER).json(),
            Map.of("ce-traceparent", "00-bogus"),
            1);

    assertThat(EventTracing.read(message)).contains(PRODUCER);
  }

  @Test
  void extract_startsANewTrace_forAMessageWithoutAValidOne() {
    QueueMessage untraced =
        new QueueMessage("m-4", EVENT.getBytes(StandardCharsets.UTF_8), null, 1);
    QueueMessage invalid =
        new QueueMessage(
            "m-5",
            "{\"traceparent\":\"00-00000000000000000000000000000000-00f067aa0ba902b7-01\"}"
                .getBytes(StandardCharsets.UTF_8),
            null,
            1);
    QueueMessage notJson =
        new QueueMessage("m-6", "hello".getBytes(StandardCharsets.UTF_8), null, 1);

    assertThat(EventTracing.read(untraced)).isEmpty();
    assertThat(EventTracing.read(invalid)).isEmpty();
    assertThat(EventTracing.read(notJson)).isEmpty();
    assertThat(EventTracing.extract(notJson).traceId()).matches("[0-9a-f]{32}");
  }

  @Test
  void attributes_areEmpty_forAnUntracedEvent() {
    assertThat(EventTracing.attributes(event(EVENT))).isEmpty();
  }

  private static OutboundEvent event(String json) {
    return new OutboundEvent(
        "evt-1", "app.stride.user.v1.deleted", "u-1", json.getBytes(StandardCharsets.UTF_8));
  }
}
