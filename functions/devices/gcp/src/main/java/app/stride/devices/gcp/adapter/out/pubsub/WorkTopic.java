package app.stride.devices.gcp.adapter.out.pubsub;

import app.stride.core.config.Env;
import app.stride.gcp.pubsub.PubSubConfig;
import com.google.pubsub.v1.TopicName;

/** Reads where the devices work topic is, in the shape of the shared {@link PubSubConfig}. */
public final class WorkTopic {
  /** The variable naming the topic: {@code projects/P/topics/T}, or a bare id in the project. */
  public static final String TOPIC_ENV = "STRIDE_DEVICES_WORK_TOPIC";

  private WorkTopic() {}

  /**
   * Reads {@value #TOPIC_ENV} (a bare topic id lives in {@code STRIDE_GCP_PROJECT}, else {@code
   * STRIDE_FIRESTORE_PROJECT}) and, locally only, the emulator from {@code STRIDE_PUBSUB_ENDPOINT}
   * or {@code PUBSUB_EMULATOR_HOST}.
   */
  public static PubSubConfig fromEnv(Env env) {
    String topic = env.require(TOPIC_ENV);
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
