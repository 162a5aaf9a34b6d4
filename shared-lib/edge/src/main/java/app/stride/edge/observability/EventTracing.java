package app.stride.edge.observability;

import app.stride.core.event.OutboundEvent;
import app.stride.core.trigger.QueueMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * W3C Trace Context over events, with the CloudEvents distributed-tracing extension: a published
 * event carries the {@code traceparent} (and {@code tracestate}) of the span that created it as
 * extension attributes of its structured-mode JSON; a consumer continues that trace.
 *
 * <p>Tracing never fails a publish or a delivery: an event that is not a JSON object is sent as it
 * is, and a message without (valid) trace attributes starts a new trace. An event that already
 * carries a {@code traceparent} keeps it, so an outbox relay that republishes later keeps the trace
 * of the request that wrote it.
 */
public final class EventTracing {
  /** The CloudEvents extension attribute (and binary-mode header, with the {@code ce-} prefix). */
  public static final String TRACEPARENT = TraceContext.TRACEPARENT;

  /** The CloudEvents extension attribute for the vendor trace state. */
  public static final String TRACESTATE = TraceContext.TRACESTATE;

  /** The transport attribute names, as CloudEvents' binary mode spells them. */
  public static final String TRACEPARENT_ATTRIBUTE = "ce-" + TRACEPARENT;

  /** The transport attribute name of the trace state. */
  public static final String TRACESTATE_ATTRIBUTE = "ce-" + TRACESTATE;

  /** Numbers are kept exactly as written: the payload must not change on the way through. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private EventTracing() {}

  /**
   * The event with {@code context}'s {@code traceparent} and {@code tracestate} added as extension
   * attributes; the same event when it already has a {@code traceparent} or is not a JSON object.
   */
  public static OutboundEvent withTrace(OutboundEvent event, TraceContext context) {
    Optional<ObjectNode> json = readObject(event.json());
    if (json.isEmpty() || json.get().has(TRACEPARENT)) {
      return event;
    }
    ObjectNode traced = json.get();
    traced.put(TRACEPARENT, context.traceparent());
    context.tracestate().ifPresent(state -> traced.put(TRACESTATE, state));
    return new OutboundEvent(
        event.id(), event.type(), event.subject(), MAPPER.writeValueAsBytes(traced));
  }

  /** {@link #withTrace} with the current {@link TraceScope}'s context; unchanged outside one. */
  public static OutboundEvent withCurrentTrace(OutboundEvent event) {
    return TraceScope.current().map(scope -> withTrace(event, scope.context())).orElse(event);
  }

  /**
   * The transport attributes a publisher may add beside {@code ce-id}/{@code ce-type} ({@value
   * #TRACEPARENT_ATTRIBUTE}, {@value #TRACESTATE_ATTRIBUTE}), read from the event's own extension
   * attributes; empty when it has none.
   */
  public static Map<String, String> attributes(OutboundEvent event) {
    Map<String, String> attributes = new LinkedHashMap<>();
    readObject(event.json())
        .flatMap(EventTracing::fromJson)
        .ifPresent(
            context -> {
              attributes.put(TRACEPARENT_ATTRIBUTE, context.traceparent());
              context.tracestate().ifPresent(s -> attributes.put(TRACESTATE_ATTRIBUTE, s));
            });
    return attributes;
  }

  /**
   * The producer's context of a message: from the {@value #TRACEPARENT_ATTRIBUTE} transport
   * attribute when valid, else from the {@code traceparent} extension attribute of the
   * structured-mode CloudEvent body; empty when neither is there or valid.
   */
  public static Optional<TraceContext> read(QueueMessage message) {
    Optional<TraceContext> fromAttributes =
        TraceContext.parse(
            message.attributes().get(TRACEPARENT_ATTRIBUTE),
            message.attributes().get(TRACESTATE_ATTRIBUTE));
    return fromAttributes.or(() -> readObject(message.body()).flatMap(EventTracing::fromJson));
  }

  /** This consumer's context: a child of the producer's, or a new root. */
  public static TraceContext extract(QueueMessage message) {
    return read(message).map(TraceContext::child).orElseGet(TraceContext::newRoot);
  }

  /**
   * Extracts the message's context and makes it current on this thread; the message id stands in
   * for the request id in logs.
   */
  public static TraceScope open(QueueMessage message, ServiceIdentity service) {
    return TraceScope.open(extract(message), message.id(), service);
  }

  private static Optional<TraceContext> fromJson(ObjectNode event) {
    return TraceContext.parse(text(event, TRACEPARENT), text(event, TRACESTATE));
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static Optional<ObjectNode> readObject(byte[] json) {
    if (json.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
