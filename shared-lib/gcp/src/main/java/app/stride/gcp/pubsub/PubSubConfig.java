package app.stride.gcp.pubsub;

import app.stride.core.config.Env;
import com.google.pubsub.v1.TopicName;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a function publishes its events.
 *
 * @param topic the events topic
 * @param emulatorHost {@code host:port} of a local Pub/Sub emulator; empty in the cloud
 */
public record PubSubConfig(TopicName topic, Optional<String> emulatorHost) {
  public PubSubConfig {
    Objects.requireNonNull(topic, "topic");
    emulatorHost = emulatorHost == null ? Optional.empty() : emulatorHost;
  }

  /**
   * Reads {@code STRIDE_EVENTS_TOPIC}, either {@code projects/P/topics/T} or a bare topic id in the
   * project {@code STRIDE_GCP_PROJECT} (else {@code STRIDE_FIRESTORE_PROJECT}), and, locally only,
   * the emulator from {@code STRIDE_PUBSUB_ENDPOINT} or {@code PUBSUB_EMULATOR_HOST}.
   */
  public static PubSubConfig fromEnv(Env env) {
    String topic = env.require("STRIDE_EVENTS_TOPIC");
    TopicName name =
        topic.startsWith("projects/")
            ? TopicName.parse(topic)
            : TopicName.of(
                env.optional("STRIDE_GCP_PROJECT")
                    .orElseGet(() -> env.require("STRIDE_FIRESTORE_PROJECT")),
                topic);
    return new PubSubConfig(
        name,
        env.optional("STRIDE_PUBSUB_ENDPOINT").or(() -> env.optional("PUBSUB_EMULATOR_HOST")));
  }
}
