/**
 * Stride's CloudEvents 1.0 kernel: the generic {@link app.stride.events.CloudEvent} envelope,
 * {@link app.stride.events.EventType} and the JSON {@link app.stride.events.EventCodec}. Event
 * types live in sub-packages per domain and version ({@code app.stride.events.<domain>.v<N>}), each
 * with its JSON Schema under {@code events/schemas/<domain>/v<N>/} on the classpath. Depends on
 * Jackson 3 only.
 */
package app.stride.events;
