package app.stride.profiles.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.profiles.ProfileTestData;
import app.stride.profiles.UserDeletedFixtures;
import app.stride.profiles.domain.UserId;
import app.stride.profiles.gcp.adapter.out.firestore.FirestoreProfileStore;
import app.stride.profiles.gcp.adapter.out.firestore.ProfileDocument;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.PubSubExtension;
import app.stride.testkit.tokens.TestTokens;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
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
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The profiles deployable end to end: the real Functions Framework invoker serving {@link
 * ProfilesHttpFunction}, {@link ProfilesOutboxRelayFunction} and {@link
 * ProfilesUserEraserFunction}, against the Firestore and Pub/Sub emulators, with a token signed
 * here and its public key given as {@code STRIDE_LOCAL_JWKS}. One class for all entries: they share
 * one Spring context per JVM (started by the first entry), so they must share one configuration.
 */
class ProfilesFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();
  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();

  private static ManagedChannel channel;
  private static SubscriptionAdminClient subscriptions;
  private static SubscriptionName events;
  private static Firestore firestore;
  private static Invoker http;
  private static Invoker relay;
  private static Invoker eraser;
  private static URI httpBase;
  private static URI relayBase;
  private static URI eraserBase;

  @BeforeAll
  static void start() throws Exception {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("profile-events"));
    events = createTopicWithSubscription(topic);
    CONFIG.put("STRIDE_REGION", "apac");
    CONFIG.put("STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId());
    CONFIG.put("STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost());
    CONFIG.put("STRIDE_EVENTS_TOPIC", topic.toString());
    CONFIG.put("STRIDE_PUBSUB_ENDPOINT", PUBSUB.emulatorHost());
    CONFIG.put("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    CONFIG.put("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    CONFIG.put("STRIDE_LOCAL_MODE", "true");
    CONFIG.put("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    CONFIG.forEach(System::setProperty);
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));

    int httpPort = freePort();
    http = new Invoker(httpPort, ProfilesHttpFunction.class.getName(), null, loader());
    http.startTestServer();
    httpBase = URI.create("http://127.0.0.1:" + httpPort);
    int relayPort = freePort();
    relay = new Invoker(relayPort, ProfilesOutboxRelayFunction.class.getName(), null, loader());
    relay.startTestServer();
    relayBase = URI.create("http://127.0.0.1:" + relayPort);
    int eraserPort = freePort();
    eraser = new Invoker(eraserPort, ProfilesUserEraserFunction.class.getName(), null, loader());
    eraser.startTestServer();
    eraserBase = URI.create("http://127.0.0.1:" + eraserPort);
  }

  @AfterAll
  static void stop() throws Exception {
    if (eraser != null) {
      eraser.stopServer();
    }
    if (relay != null) {
      relay.stopServer();
    }
    if (http != null) {
      http.stopServer();
    }
    CONFIG.keySet().forEach(System::clearProperty);
    if (firestore != null) {
      firestore.close();
    }
    if (subscriptions != null) {
      subscriptions.close();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
  }

  @Test
  void putThenGet_storesTheProfile_answersWithETag_andPublishesTheEvent() throws Exception {
    String token = TOKENS.accessToken("ana-e2e", "apac");
    String traceId = "3c1e5a7b9d0f2e4a6c8b0d2f4a6c8e0b";

    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(httpBase.resolve("/v1/me/profile"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(fixture("profiles/put-runner.json"))));

    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(put.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(put.headers().firstValue("RateLimit")).hasValueSatisfying(v -> v.contains("write-"));
    assertThat(put.headers().firstValue("RateLimit-Policy")).isPresent();

    HttpResponse<String> get =
        send(
            HttpRequest.newBuilder(httpBase.resolve("/v1/me/profile"))
                .header("Authorization", "Bearer " + token)
                .GET());

    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    assertThat(get.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(get.body()).contains("\"displayName\":\"Ana Runner\"").contains("\"pt-BR\"");

    List<PubsubMessage> published = pull(1);
    assertThat(published)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getAttributesMap())
                  .containsEntry("ce-type", "app.stride.profile.v1.updated")
                  .containsKey("ce-id");
              assertThat(m.getAttributesMap().get("ce-traceparent"))
                  .as("the request's trace goes on with the event")
                  .startsWith("00-" + traceId + "-");
              assertThat(m.getOrderingKey()).isEqualTo("ana-e2e");
              assertThat(m.getData().toStringUtf8()).contains("\"created\"");
            });
    assertThat(firestore.collection("profiles").document("ana-e2e").get().get().get("outbox"))
        .as("the published event left the outbox")
        .isEqualTo(Map.of());
  }

  @Test
  void put_withATokenOfAnotherHomeRegion_is421_andStoresNothing() throws Exception {
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(httpBase.resolve("/v1/me/profile"))
                .header("Authorization", "Bearer " + TOKENS.accessToken("eve-e2e", "eu"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(fixture("profiles/put-runner.json"))));

    assertThat(put.statusCode()).as(put.body()).isEqualTo(421);
    assertThat(put.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(firestore.collection("profiles").document("eve-e2e").get().get().exists()).isFalse();
  }

  @Test
  void get_withoutAToken_is401() throws Exception {
    HttpResponse<String> get =
        send(HttpRequest.newBuilder(httpBase.resolve("/v1/me/profile")).GET());

    assertThat(get.statusCode()).isEqualTo(401);
  }

  @Test
  void relayTick_publishesAnEventLeftInTheOutbox_andClearsIt() throws Exception {
    // A write whose publish never happened (the function crashed right after the store write).
    FirestoreProfileStore store =
        new FirestoreProfileStore(firestore, RegionId.of("apac"), Clock.systemUTC());
    store.create(
        ProfileTestData.aProfile().of("bo-e2e").build(),
        ProfileTestData.anEvent("left-1", "bo-e2e"),
        RegionId.of("apac"));

    HttpResponse<String> tick =
        send(
            HttpRequest.newBuilder(relayBase)
                .header("ce-id", "tick-1")
                .header("ce-specversion", "1.0")
                .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
                .header("ce-source", "//pubsub.googleapis.com/projects/stride-test/topics/relay")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("pubsub/relay-tick.json"))));

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(pull(1)).extracting(m -> m.getAttributesOrThrow("ce-id")).containsExactly("left-1");
    assertThat(store.pending(10, RegionId.of("apac")))
        .extracting(p -> p.userId())
        .doesNotContain(new UserId("bo-e2e"));
    assertThat(
            firestore
                .collection(ProfileDocument.COLLECTION)
                .document("bo-e2e")
                .get()
                .get()
                .get("outbox"))
        .isEqualTo(Map.of());
  }

  @Test
  void userDeletedPush_erasesTheStoredProfile_andPublishesTheDeletedEvent() throws Exception {
    String user = "u-" + UUID.randomUUID();
    storeProfile(user);

    HttpResponse<String> push = pushUserDeleted(UserDeletedFixtures.VALID, user, "apac");

    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    assertThat(profileDocument(user).exists())
        .as("no profile, and no marker once the deleted event is out")
        .isFalse();
    assertThat(pull(1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getAttributesMap())
                  .containsEntry("ce-type", "app.stride.profile.v1.updated");
              assertThat(m.getOrderingKey()).isEqualTo(user);
              assertThat(m.getData().toStringUtf8()).contains("\"change\":\"deleted\"");
            });
  }

  @Test
  void userDeletedPush_redelivered_isAcknowledged_andChangesNothing() throws Exception {
    String user = "u-" + UUID.randomUUID();
    storeProfile(user);
    String eventId = UUID.randomUUID().toString();
    assertThat(pushUserDeleted(UserDeletedFixtures.VALID, eventId, user, "apac").statusCode())
        .isEqualTo(204);
    assertThat(pull(1)).hasSize(1);

    HttpResponse<String> again = pushUserDeleted(UserDeletedFixtures.VALID, eventId, user, "apac");

    assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
    assertThat(profileDocument(user).exists()).isFalse();
  }

  @Test
  void userDeletedPush_ofAPoisonMessage_isNotAcknowledged_soPubSubRedeliversIt() throws Exception {
    String user = "u-" + UUID.randomUUID();
    storeProfile(user);

    HttpResponse<String> push = pushUserDeleted(UserDeletedFixtures.PERSONAL_DATA, user, "apac");

    assertThat(push.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(push.body()).doesNotContain(UserDeletedFixtures.LEAKED_EMAIL);
    assertThat(profileDocument(user).get("displayName")).as("nothing erased").isNotNull();
  }

  @Test
  void userDeletedPush_ofAUserHomedInAnotherRegion_isAcknowledged_andTouchesNothing()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    storeProfile(user);

    HttpResponse<String> push = pushUserDeleted(UserDeletedFixtures.VALID, user, "eu");

    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    assertThat(profileDocument(user).get("displayName")).isNotNull();
  }

  /** A stored profile whose creation event is already published (nothing pending). */
  private static void storeProfile(String userId) throws Exception {
    FirestoreProfileStore store =
        new FirestoreProfileStore(firestore, RegionId.of("apac"), Clock.systemUTC());
    String eventId = UUID.randomUUID().toString();
    store.create(
        ProfileTestData.aProfile().of(userId).build(),
        ProfileTestData.anEvent(eventId, userId),
        RegionId.of("apac"));
    store.markPublished(new UserId(userId), eventId, RegionId.of("apac"));
  }

  private static DocumentSnapshot profileDocument(String userId) throws Exception {
    return firestore.collection(ProfileDocument.COLLECTION).document(userId).get().get();
  }

  private static HttpResponse<String> pushUserDeleted(
      String fixture, String userId, String homeRegion) throws Exception {
    return pushUserDeleted(fixture, UUID.randomUUID().toString(), userId, homeRegion);
  }

  /**
   * POSTs what the eraser's push subscription delivers for a message carrying the fixture's event:
   * the push body, no CloudEvent headers.
   */
  private static HttpResponse<String> pushUserDeleted(
      String fixture, String eventId, String userId, String homeRegion) throws Exception {
    String event = UserDeletedFixtures.body(fixture, eventId, userId, homeRegion);
    String messageId = UUID.randomUUID().toString();
    String body =
        new String(fixture("pubsub/user-deleted-push.json"), StandardCharsets.UTF_8)
            .replace("${EVENT_ID}", eventId)
            .replace("${MESSAGE_ID}", messageId)
            .replace(
                "${DATA}",
                Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(eraserBase)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Pulls until {@code expected} messages arrived (each test pulls what it published). The
   * emulator's pull waits up to a minute when nothing is there, so never pull for more than is
   * expected.
   */
  private static List<PubsubMessage> pull(int expected) {
    List<PubsubMessage> received = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    do {
      var response = subscriptions.pull(events, expected - received.size());
      List<String> acks = new ArrayList<>();
      for (ReceivedMessage m : response.getReceivedMessagesList()) {
        received.add(m.getMessage());
        acks.add(m.getAckId());
      }
      if (!acks.isEmpty()) {
        subscriptions.acknowledge(events, acks);
      }
    } while (received.size() < expected && System.nanoTime() < deadline);
    return received;
  }

  private static SubscriptionName createTopicWithSubscription(TopicName topic) throws Exception {
    channel = ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build();
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
        SubscriptionName.of(PUBSUB.projectId(), PUBSUB.uniqueName("profile-events-sub"));
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setEnableMessageOrdering(true)
            .setAckDeadlineSeconds(10)
            .build());
    return subscription;
  }

  private static byte[] fixture(String path) throws Exception {
    try (InputStream in = ProfilesFunctionIT.class.getResourceAsStream("/" + path)) {
      return in.readAllBytes();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ClassLoader loader() {
    return Thread.currentThread().getContextClassLoader();
  }
}
