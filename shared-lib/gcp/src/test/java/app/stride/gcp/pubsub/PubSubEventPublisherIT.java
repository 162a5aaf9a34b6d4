package app.stride.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.edge.observability.TraceContext;
import app.stride.edge.observability.TraceScope;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PubSubEventPublisherIT {
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

  /** A fresh topic with an ordered subscription; returns the subscription. */
  private static SubscriptionName topicWithSubscription(TopicName topic) {
    topics.createTopic(topic);
    SubscriptionName subscription =
        SubscriptionName.of(PUBSUB.projectId(), PUBSUB.uniqueName("events-sub"));
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setEnableMessageOrdering(true)
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

  private static OutboundEvent event(String id, String subject) {
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\"app.stride.profile.v1.updated\"}";
    return new OutboundEvent(
        id, "app.stride.profile.v1.updated", subject, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publish_deliversTheCloudEventWithAttributesAndOrderingKey() {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("events"));
    SubscriptionName subscription = topicWithSubscription(topic);
    Env env =
        new Env(
            Map.of(
                "STRIDE_EVENTS_TOPIC", topic.toString(),
                "STRIDE_PUBSUB_ENDPOINT", PUBSUB.emulatorHost()));

    try (PubSubEventPublisher publisher = new PubSubEventPublisher(PubSubConfig.fromEnv(env))) {
      publisher.publish(event("evt-1", "user-1"));
    }

    assertThat(pull(subscription, 1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getData().toStringUtf8()).contains("\"id\":\"evt-1\"");
              assertThat(m.getAttributesMap())
                  .containsEntry("ce-id", "evt-1")
                  .containsEntry("ce-type", "app.stride.profile.v1.updated");
              assertThat(m.getOrderingKey()).isEqualTo("user-1");
            });
  }

  @Test
  void publish_carriesTheCurrentTrace_andAConsumerContinuesIt() {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("traced"));
    SubscriptionName subscription = topicWithSubscription(topic);
    TraceContext producer = TraceContext.newRoot();

    try (PubSubEventPublisher publisher =
            new PubSubEventPublisher(new PubSubConfig(topic, Optional.of(PUBSUB.emulatorHost())));
        TraceScope scope =
            TraceScope.open(producer, "req-9", new ServiceIdentity("apac", "profiles"))) {
      publisher.publish(event("evt-t", "user-9"));
    }

    PubsubMessage received = pull(subscription, 1).get(0);
    assertThat(received.getAttributesMap())
        .containsEntry("ce-traceparent", producer.traceparent())
        .containsEntry("ce-id", "evt-t");
    assertThat(
            Json.mapper()
                .readTree(received.getData().toStringUtf8())
                .path("traceparent")
                .asString())
        .isEqualTo(producer.traceparent());

    QueueMessage delivered =
        new QueueMessage(
            received.getMessageId(),
            received.getData().toByteArray(),
            received.getAttributesMap(),
            1);
    List<String> consumerTraces = new ArrayList<>();
    new TracedQueueFunction(
            new ServiceIdentity("apac", "profilesUserEraser"),
            batch -> {
              consumerTraces.add(TraceScope.current().orElseThrow().context().traceId());
              return BatchResult.allSucceeded();
            })
        .apply(List.of(delivered));
    assertThat(consumerTraces).containsExactly(producer.traceId());
  }

  @Test
  void publish_keepsOneSubjectsEventsInOrder() {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("ordered"));
    SubscriptionName subscription = topicWithSubscription(topic);

    try (PubSubEventPublisher publisher =
        new PubSubEventPublisher(new PubSubConfig(topic, Optional.of(PUBSUB.emulatorHost())))) {
      for (int i = 1; i <= 5; i++) {
        publisher.publish(event("e" + i, "user-7"));
      }
    }

    assertThat(pull(subscription, 5))
        .extracting(m -> m.getAttributesOrThrow("ce-id"))
        .containsExactly("e1", "e2", "e3", "e4", "e5");
  }

  @Test
  void publish_toAnUnreachableTransport_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PubSubConfig config =
        new PubSubConfig(TopicName.of("p", "t"), Optional.of("127.0.0.1:" + closedPort));

    long start = System.nanoTime();
    try (PubSubEventPublisher publisher = new PubSubEventPublisher(config)) {
      assertThatThrownBy(() -> publisher.publish(event("e", "s")))
          .isInstanceOf(StoreUnavailableException.class);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("publish and close are bounded by the publisher's timeout")
        .isLessThan(PubSubEventPublisher.TIMEOUT.multipliedBy(3));
  }

  @Test
  void fromEnv_resolvesABareTopicIdInTheConfiguredProject() {
    Env env = new Env(Map.of("STRIDE_EVENTS_TOPIC", "events", "STRIDE_GCP_PROJECT", "stride-apac"));

    assertThat(PubSubConfig.fromEnv(env).topic()).isEqualTo(TopicName.of("stride-apac", "events"));
  }
}
