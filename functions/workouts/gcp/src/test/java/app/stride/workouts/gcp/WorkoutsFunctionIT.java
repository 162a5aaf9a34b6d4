package app.stride.workouts.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.gcp.firestore.CursorCodec;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.IsolatedClassLoader;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.PubSubExtension;
import app.stride.testkit.tokens.TestTokens;
import app.stride.workouts.WorkoutTestData;
import app.stride.workouts.gcp.adapter.out.firestore.FirestoreWorkoutStore;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The workouts deployable end to end: the real Functions Framework invoker serving {@link
 * WorkoutsHttpFunction} against the Firestore and Pub/Sub emulators, with a token signed here and
 * its public key given as {@code STRIDE_LOCAL_JWKS}; configuration as {@code STRIDE_*} system
 * properties.
 */
class WorkoutsFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();
  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();
  private static final RegionId APAC = RegionId.of("apac");

  /**
   * What infra gives the outbox relay ({@code CapabilityCloudFunction.environment} with the relay's
   * settings; {@code OutboxRelaysGcpTest}): region, store, events topic, the token settings (the
   * local JWKS standing for the JWKS URL) and, as workouts' store is built with it, the cursor key
   * (a secret); the emulators and the local switch besides. Not infra's {@code STRIDE_METRICS}: its
   * Cloud Monitoring exporter needs Google's credentials.
   */
  private static final Set<String> RELAY_VARIABLES =
      Set.of(
          "STRIDE_REGION",
          "STRIDE_FIRESTORE_PROJECT",
          "STRIDE_EVENTS_TOPIC",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_CURSOR_KEY",
          "STRIDE_FIRESTORE_EMULATOR_HOST",
          "STRIDE_PUBSUB_ENDPOINT",
          "STRIDE_LOCAL_MODE");

  /**
   * What the data eraser needs of what infra gives it (region, store, events topic; not the cursor
   * key, a secret it is not given), and the emulators standing in for the cloud's.
   */
  private static final Set<String> ERASER_VARIABLES =
      Set.of(
          "STRIDE_REGION",
          "STRIDE_FIRESTORE_PROJECT",
          "STRIDE_EVENTS_TOPIC",
          "STRIDE_FIRESTORE_EMULATOR_HOST",
          "STRIDE_PUBSUB_ENDPOINT");

  private static ManagedChannel channel;
  private static SubscriptionAdminClient subscriptions;
  private static SubscriptionName events;
  private static Firestore firestore;
  private static Invoker http;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    TopicName topic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("workout-events"));
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
    CONFIG.put("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    CONFIG.forEach(System::setProperty);
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    http =
        new Invoker(
            port,
            WorkoutsHttpFunction.class.getName(),
            null,
            Thread.currentThread().getContextClassLoader());
    http.startTestServer();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
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
  void record_thenReadAndList_inTheProfilesUnits_andPublishesTheEvent() throws Exception {
    String user = "u-" + UUID.randomUUID();
    firestore
        .collection("profiles")
        .document(user)
        .set(Map.of("displayName", "Mei", "preferences", Map.of("units", "IMPERIAL")))
        .get();
    String token = TOKENS.accessToken(user, "apac");
    String start =
        Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    String body =
        """
        {"sport":"cycling","startTime":"%s","timeZone":"Asia/Singapore","durationSeconds":3600,
         "distance":{"value":20,"unit":"mi"}}
        """
            .formatted(start);

    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/workouts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
    JsonNode workout = Json.mapper().readTree(post.body());
    String id = workout.path("workoutId").asString();
    assertThat(workout.path("distanceMeters").asDouble()).isEqualTo(32186.9);
    assertThat(workout.at("/display/speed/value").asDouble()).isEqualTo(20.0);
    assertThat(workout.at("/display/speed/unit").asString()).isEqualTo("mph");
    HttpResponse<String> get =
        send(
            HttpRequest.newBuilder(
                    base.resolve(post.headers().firstValue("Location").orElseThrow()))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    assertThat(get.headers().firstValue("ETag")).contains("\"1\"");
    HttpResponse<String> list =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/workouts?limit=5&sport=cycling"))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(list.body()).at("/items/0/workoutId").asString())
        .isEqualTo(id);
    List<PubsubMessage> published = pull(1);
    assertThat(published)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getAttributesMap())
                  .containsEntry("ce-type", "app.stride.workout.v1.recorded");
              assertThat(m.getOrderingKey()).isEqualTo(user);
            });
    assertThat(firestore.document("users/" + user + "/workouts/" + id).get().get().get("outbox"))
        .as("the published event left the outbox")
        .isNull();
  }

  @Test
  void record_withATokenOfAnotherHomeRegion_is421() throws Exception {
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/workouts"))
                .header("Authorization", "Bearer " + TOKENS.accessToken("eve", "eu"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sport\":\"yoga\",\"startTime\":\"2026-01-01T06:00:00Z\","
                            + "\"timeZone\":\"UTC\",\"durationSeconds\":600}")));

    assertThat(post.statusCode()).as(post.body()).isEqualTo(421);
  }

  /**
   * The relay's entry point, started on its own in a class loader of its own (a fresh application
   * context with only {@link #RELAY_VARIABLES}, not the HTTP function's), publishes a workout's
   * event that a failed publish left in the outbox, and clears it. No test ran this entry point
   * before.
   */
  @Test
  void relayTick_startedWithOnlyItsVariables_publishesAnEventLeftInTheOutbox() throws Exception {
    String user = "u-" + UUID.randomUUID();
    OutboundEvent event = WorkoutTestData.anEvent(user);
    FirestoreWorkoutStore store =
        new FirestoreWorkoutStore(
            firestore, new CursorCodec(new byte[32]), APAC, Clock.systemUTC());
    store.create(WorkoutTestData.aWorkout().of(user).build(), event, APAC);

    HttpResponse<String> tick =
        OnlyProperties.during(CONFIG.keySet(), RELAY_VARIABLES, WorkoutsFunctionIT::relayTick);

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(pull(1))
        .singleElement()
        .satisfies(m -> assertThat(m.getAttributesMap()).containsEntry("ce-id", event.id()));
    assertThat(store.pending(100, APAC)).noneMatch(p -> p.event().id().equals(event.id()));
  }

  /**
   * The data eraser's entry point, started on its own with only {@link #ERASER_VARIABLES}, erases
   * the deleted user's workouts and retry claims and nobody else's; an event of another source is
   * refused with 500 (Pub/Sub redelivers it) and erases nothing.
   */
  @Test
  void userEraser_startedWithOnlyItsVariables_erasesTheDeletedUsersWorkouts() throws Exception {
    String ana = "u-" + UUID.randomUUID();
    String ben = "u-" + UUID.randomUUID();
    FirestoreWorkoutStore store =
        new FirestoreWorkoutStore(
            firestore, new CursorCodec(new byte[32]), APAC, Clock.systemUTC());
    for (String user : List.of(ana, ben)) {
      OutboundEvent event = WorkoutTestData.anEvent(user);
      var workout = WorkoutTestData.aWorkout().of(user).build();
      store.create(workout, event, APAC);
      // Published: the relay test must find only its own event pending.
      store.markPublished(workout.userId(), workout.id(), event.id(), APAC);
    }
    String eventId = UUID.randomUUID().toString();
    String deleted =
        new EventCodec().encode(UserDeleted.event(eventId, "apac", ana, Instant.now()));
    String forged = deleted.replace("/stride/apac/auth", "/stride/apac/workouts");

    HttpResponse<String> refused =
        OnlyProperties.during(
            CONFIG.keySet(), ERASER_VARIABLES, () -> pushToEraser(eventId, forged));
    assertThat(refused.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(workouts(ana)).hasSize(1);

    HttpResponse<String> erased =
        OnlyProperties.during(
            CONFIG.keySet(), ERASER_VARIABLES, () -> pushToEraser(eventId, deleted));

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
    assertThat(workouts(ana)).isEmpty();
    assertThat(workouts(ben)).hasSize(1);
  }

  private static List<?> workouts(String user) throws Exception {
    return firestore
        .collection("users")
        .document(user)
        .collection("workouts")
        .get()
        .get()
        .getDocuments();
  }

  /**
   * Starts the eraser alone in a class loader of its own and POSTs it what its push subscription
   * delivers for {@code event}.
   */
  private static HttpResponse<String> pushToEraser(String eventId, String event) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    IsolatedClassLoader isolated =
        new IsolatedClassLoader(
            Thread.currentThread().getContextClassLoader(),
            List.of("com.google.cloud.functions.", "io.cloudevents."));
    Invoker eraser = new Invoker(port, WorkoutsUserEraserFunction.class.getName(), null, isolated);
    eraser.startTestServer();
    try (var template =
        WorkoutsFunctionIT.class.getResourceAsStream("/pubsub/user-deleted-push.json")) {
      String body =
          new String(template.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${EVENT_ID}", eventId)
              .replace("${MESSAGE_ID}", UUID.randomUUID().toString())
              .replace(
                  "${DATA}",
                  Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8)));
      return send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    } finally {
      eraser.stopServer();
      isolated.close();
    }
  }

  /** Starts the relay alone and sends it one tick of its schedule's topic. */
  private static HttpResponse<String> relayTick() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    IsolatedClassLoader isolated =
        new IsolatedClassLoader(
            Thread.currentThread().getContextClassLoader(),
            List.of("com.google.cloud.functions.", "io.cloudevents."));
    Invoker relay = new Invoker(port, WorkoutsOutboxRelayFunction.class.getName(), null, isolated);
    relay.startTestServer();
    try {
      String message =
          "{\"message\":{\"attributes\":{\"schedule\":\"workouts-outbox-relay\"},"
              + "\"data\":\"e30=\",\"messageId\":\"tick-"
              + UUID.randomUUID()
              + "\",\"publishTime\":\""
              + Instant.now()
              + "\"},\"subscription\":\"projects/stride-test/subscriptions/workouts-outbox-relay\"}";
      return send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
              .header("ce-id", "tick-" + UUID.randomUUID())
              .header("ce-specversion", "1.0")
              .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
              .header(
                  "ce-source",
                  "//pubsub.googleapis.com/projects/stride-test/topics/workouts-outbox-relay")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(message)));
    } finally {
      relay.stopServer();
      isolated.close();
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

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
        SubscriptionName.of(PUBSUB.projectId(), PUBSUB.uniqueName("workout-events-sub"));
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setEnableMessageOrdering(true)
            .setAckDeadlineSeconds(10)
            .build());
    return subscription;
  }
}
