package app.stride.auth.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.gcp.adapter.out.firestore.AuthFirestoreConfig;
import app.stride.auth.gcp.adapter.out.firestore.AuthFirestoreStores;
import app.stride.auth.testing.PendingDeletions;
import app.stride.core.config.Env;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.PubSubExtension;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.functions.invoker.runner.Invoker;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auth's two scheduled Cloud Functions, the signing-key rotation ({@link AuthKeyRotationFunction})
 * and the account-deletion relay ({@link AuthDeletionRelayFunction}), run through the Functions
 * Framework's invoker with only the variables infra gives them ({@code
 * AuthCloudFunctions.environment(false)} and the secrets it mounts): no JWKS URL, no load balancer
 * address, no Redis. Local stand-ins: the Firestore and Pub/Sub emulators and the secrets' values.
 * Not given: infra's {@code STRIDE_METRICS}, whose Cloud Monitoring exporter needs Google's
 * credentials. No test ran these entry points before.
 */
class AuthSchedulesFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();
  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  private static ManagedChannel channel;
  private static SubscriptionAdminClient subscriptions;
  private static SubscriptionName events;
  private static AuthFirestoreStores stores;

  @BeforeAll
  static void start() throws Exception {
    channel = ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build();
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("profile-events"));
    events = createTopicWithSubscription(topic);
    // What infra gives both (AuthCloudFunctions.environment(false) and its secret references).
    VARIABLES.put("STRIDE_REGION", APAC.value());
    VARIABLES.put("STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId());
    VARIABLES.put("STRIDE_FIRESTORE_DATABASE", "(default)");
    VARIABLES.put("STRIDE_EVENTS_TOPIC", topic.toString());
    VARIABLES.put("STRIDE_JWT_ISSUER", "https://auth.stride.test");
    VARIABLES.put("STRIDE_JWT_AUDIENCE", "stride-functions");
    VARIABLES.put("STRIDE_PUBLIC_URL", "https://stride.test");
    VARIABLES.put("STRIDE_DIRECTORY_URL", "http://127.0.0.1:9/directory");
    VARIABLES.put("STRIDE_MAIL_FROM", "no-reply@stride.test");
    VARIABLES.put("STRIDE_SMTP_HOST", "127.0.0.1");
    VARIABLES.put("STRIDE_SMTP_PORT", "9");
    VARIABLES.put("STRIDE_SMTP_STARTTLS", "true");
    VARIABLES.put("STRIDE_SMTP_USERNAME", "stride");
    VARIABLES.put("STRIDE_DIRECTORY_SECRET", base64(32));
    VARIABLES.put("STRIDE_DIRECTORY_API_SECRET", base64(32));
    VARIABLES.put("STRIDE_SMTP_PASSWORD", "smtp-password");
    // The emulators, which the cloud does not need.
    VARIABLES.put("STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost());
    VARIABLES.put("STRIDE_PUBSUB_ENDPOINT", PUBSUB.emulatorHost());
    VARIABLES.forEach(System::setProperty);
    stores = AuthFirestoreStores.open(AuthFirestoreConfig.fromEnv(Env.system()), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    VARIABLES.keySet().forEach(System::clearProperty);
    if (stores != null) {
      stores.close();
    }
    if (subscriptions != null) {
      subscriptions.close();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
  }

  @Test
  void keyRotation_startsWithOnlyItsVariables_andSavesTheRegionsSigningKeys() throws Exception {
    HttpResponse<String> tick = tick(AuthKeyRotationFunction.class, "auth-key-rotation");

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(stores.keyRings().load(APAC))
        .as("the ring the rotation saved")
        .hasValueSatisfying(ring -> assertThat(ring.keys()).isNotEmpty());
  }

  @Test
  void deletionRelay_startsWithOnlyItsVariables_andPublishesWhatAFailedPublishLeft()
      throws Exception {
    AccountStore accounts = stores.accounts();
    // The account was deleted, and the deletion's publish failed: its tombstone holds the event.
    String eventId = PendingDeletions.leaveOne(accounts, APAC);
    assertThat(accounts.pendingDeletions(10)).extracting(OutboundEvent::id).contains(eventId);

    HttpResponse<String> tick = tick(AuthDeletionRelayFunction.class, "auth-deletion-relay");

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(pulled()).extracting(m -> m.getAttributesMap().get("ce-id")).contains(eventId);
    assertThat(accounts.pendingDeletions(10)).extracting(OutboundEvent::id).doesNotContain(eventId);
  }

  /**
   * Starts {@code entryPoint} in the Functions Framework's invoker and sends it what its schedule's
   * topic delivers: a Pub/Sub CloudEvent.
   */
  private static HttpResponse<String> tick(Class<?> entryPoint, String schedule) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Invoker invoker =
        new Invoker(
            port, entryPoint.getName(), null, Thread.currentThread().getContextClassLoader());
    invoker.startTestServer();
    try {
      String message =
          "{\"message\":{\"attributes\":{\"schedule\":\""
              + schedule
              + "\"},\"data\":\"e30=\",\"messageId\":\""
              + UUID.randomUUID()
              + "\",\"publishTime\":\""
              + Instant.now()
              + "\"},\"subscription\":\"projects/stride-test/subscriptions/"
              + schedule
              + "\"}";
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
              .header("ce-id", "tick-" + UUID.randomUUID())
              .header("ce-specversion", "1.0")
              .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
              .header(
                  "ce-source", "//pubsub.googleapis.com/projects/stride-test/topics/" + schedule)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(message))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } finally {
      invoker.stopServer();
    }
  }

  private static SubscriptionName createTopicWithSubscription(TopicName topic) throws Exception {
    var transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try (TopicAdminClient topics =
        TopicAdminClient.create(
            TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      topics.createTopic(topic);
    }
    subscriptions =
        SubscriptionAdminClient.create(
            SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    SubscriptionName subscription =
        SubscriptionName.of(PUBSUB.projectId(), topic.getTopic() + "-sub");
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setAckDeadlineSeconds(10)
            .build());
    return subscription;
  }

  /** What the events topic received (one pull: the relay published before answering). */
  private static List<PubsubMessage> pulled() {
    return subscriptions.pull(events, 10).getReceivedMessagesList().stream()
        .map(ReceivedMessage::getMessage)
        .toList();
  }

  private static String base64(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return Base64.getEncoder().encodeToString(value);
  }
}
