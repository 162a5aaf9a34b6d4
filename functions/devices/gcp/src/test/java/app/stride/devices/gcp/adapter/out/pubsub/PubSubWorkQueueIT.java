package app.stride.devices.gcp.adapter.out.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.store.StoreUnavailableException;
import app.stride.gcp.pubsub.PubSubConfig;
import app.stride.testkit.junit.PubSubExtension;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PubSubWorkQueue} against the Pub/Sub emulator (unique topic per test). */
class PubSubWorkQueueIT {
  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static ManagedChannel channel;
  private static TopicAdminClient topics;
  private static SubscriptionAdminClient subscriptions;

  @BeforeAll
  static void connect() throws Exception {
    channel = ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build();
    var transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    topics =
        TopicAdminClient.create(
            TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    subscriptions =
        SubscriptionAdminClient.create(
            SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
  }

  @AfterAll
  static void disconnect() {
    subscriptions.close();
    topics.close();
    channel.shutdownNow();
  }

  @Test
  void send_deliversTheBody_withTheKindAndDeduplicationKeyAttributes() {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("devices-work"));
    SubscriptionName subscription = topicWithSubscription(topic);
    Env env =
        new Env(
            Map.of(
                "STRIDE_DEVICES_WORK_TOPIC", topic.getTopic(),
                "STRIDE_GCP_PROJECT", PUBSUB.projectId(),
                "STRIDE_PUBSUB_ENDPOINT", PUBSUB.emulatorHost()));

    try (PubSubWorkQueue queue = new PubSubWorkQueue(WorkTopic.fromEnv(env))) {
      queue.send(
          "webhook.suunto", "suunto:workout:77", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(pull(subscription, 1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getData().toStringUtf8()).isEqualTo("{\"n\":1}");
              assertThat(m.getAttributesMap())
                  .containsEntry("kind", "webhook.suunto")
                  .containsEntry("deduplication-key", "suunto:workout:77");
              assertThat(m.getOrderingKey()).isEmpty();
            });
  }

  @Test
  void send_refusesBadInput_beforePublishingAnything() {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("devices-work"));
    SubscriptionName subscription = topicWithSubscription(topic);
    byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);

    try (PubSubWorkQueue queue =
        new PubSubWorkQueue(new PubSubConfig(topic, Optional.of(PUBSUB.emulatorHost())))) {
      assertThatThrownBy(() -> queue.send("Webhook Polar", "k", ok))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> queue.send("webhook.polar", "", ok))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> queue.send("webhook.polar", "k", new byte[PubSubWorkQueue.MAX_BODY_BYTES + 1]))
          .isInstanceOf(IllegalArgumentException.class);
      queue.send("import.file", "i_1", ok);
    }

    assertThat(pull(subscription, 1))
        .singleElement()
        .satisfies(m -> assertThat(m.getAttributesMap()).containsEntry("kind", "import.file"));
  }

  @Test
  void anUnreachableTopic_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("devices-work"));

    try (PubSubWorkQueue queue =
        new PubSubWorkQueue(new PubSubConfig(topic, Optional.of("127.0.0.1:" + closedPort)))) {
      assertThatThrownBy(
              () -> queue.send("import.file", "i_2", "{}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  private static SubscriptionName topicWithSubscription(TopicName topic) {
    topics.createTopic(topic);
    SubscriptionName subscription =
        SubscriptionName.of(PUBSUB.projectId(), PUBSUB.uniqueName("devices-work-sub"));
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setAckDeadlineSeconds(10)
            .build());
    return subscription;
  }

  private static List<PubsubMessage> pull(SubscriptionName subscription, int expected) {
    List<PubsubMessage> received = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (received.size() < expected && System.nanoTime() < deadline) {
      var response = subscriptions.pull(subscription, expected - received.size());
      List<String> acks = new ArrayList<>();
      for (ReceivedMessage m : response.getReceivedMessagesList()) {
        received.add(m.getMessage());
        acks.add(m.getAckId());
      }
      if (!acks.isEmpty()) {
        subscriptions.acknowledge(subscription, acks);
      }
    }
    return received;
  }
}
