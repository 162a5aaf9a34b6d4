/**
 * Pub/Sub adapters: the region's {@code EventPublisher}, publishing structured-mode CloudEvents
 * with the event's subject as ordering key. Locally it talks to the emulator over an explicit
 * plaintext channel with no credentials (the Java client ignores {@code PUBSUB_EMULATOR_HOST}).
 */
package app.stride.gcp.pubsub;
