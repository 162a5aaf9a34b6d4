package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by two IT classes against the one Pub/Sub emulator of the JVM. The emulator has no reset, so
 * each class uses unique names and its fresh subscription sees only its own message.
 */
abstract class PubSubContract {

  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static final Set<String> ENDPOINTS_SEEN = ConcurrentHashMap.newKeySet();
  private static ManagedChannel channel;
  private static TransportChannelProvider channels;
  private static final CredentialsProvider NO_CREDENTIALS = NoCredentialsProvider.create();

  @BeforeAll
  static void connect() {
    channel = ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build();
    channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void uniqueNamesPerClass_publishedMessageIsPulledOnce() throws Exception {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("workouts"));
    SubscriptionName subscription =
        SubscriptionName.of(PUBSUB.projectId(), PUBSUB.uniqueName("workouts-sub"));
    try (TopicAdminClient topics = TopicAdminClient.create(topicSettings());
        SubscriptionAdminClient subscriptions =
            SubscriptionAdminClient.create(subscriptionSettings())) {
      topics.createTopic(topic);
      subscriptions.createSubscription(subscription, topic, PushConfig.getDefaultInstance(), 10);

      publish(topic, "finished by " + getClass().getSimpleName());

      List<ReceivedMessage> received = pull(subscriptions, subscription, 1);
      assertThat(received)
          .extracting(m -> m.getMessage().getData().toStringUtf8())
          .containsExactly("finished by " + getClass().getSimpleName());
      subscriptions.acknowledge(subscription, List.of(received.get(0).getAckId()));
    }
  }

  @Test
  void oneEmulatorServesEveryClass() {
    ENDPOINTS_SEEN.add(PUBSUB.emulatorHost());

    assertThat(ENDPOINTS_SEEN).hasSize(1);
    assertThat(PUBSUB.uniqueName("topic")).isNotEqualTo(PUBSUB.uniqueName("topic"));
  }

  private static TopicAdminSettings topicSettings() throws Exception {
    return TopicAdminSettings.newBuilder()
        .setTransportChannelProvider(channels)
        .setCredentialsProvider(NO_CREDENTIALS)
        .build();
  }

  private static SubscriptionAdminSettings subscriptionSettings() throws Exception {
    return SubscriptionAdminSettings.newBuilder()
        .setTransportChannelProvider(channels)
        .setCredentialsProvider(NO_CREDENTIALS)
        .build();
  }

  private static void publish(TopicName topic, String text) throws Exception {
    Publisher publisher =
        Publisher.newBuilder(topic)
            .setChannelProvider(channels)
            .setCredentialsProvider(NO_CREDENTIALS)
            .build();
    try {
      publisher
          .publish(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(text)).build())
          .get(10, TimeUnit.SECONDS);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static List<ReceivedMessage> pull(
      SubscriptionAdminClient subscriptions, SubscriptionName subscription, int expected) {
    List<ReceivedMessage> received = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received.size() < expected && System.nanoTime() < deadline) {
      received.addAll(
          subscriptions
              .pullCallable()
              .call(
                  PullRequest.newBuilder()
                      .setSubscription(subscription.toString())
                      .setMaxMessages(10)
                      .build())
              .getReceivedMessagesList());
    }
    return received;
  }
}
