package app.stride.devices.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.devices.application.service.HistoryTestData;
import app.stride.devices.application.service.QueuedRevocation;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.IsolatedClassLoader;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.PubSubExtension;
import app.stride.testkit.tokens.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.invoker.runner.Invoker;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
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
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devices deployable end to end: the real Functions Framework invoker serving {@link
 * DevicesHttpFunction}, {@link DevicesWorkerFunction}, {@link DevicesUserEraserFunction}, {@link
 * DevicesErasureSweepFunction} and {@link DevicesOutboxRelayFunction} against the Firestore and
 * Pub/Sub emulators, with WireMock as Polar (OAuth token endpoint and AccessLink API), a token
 * signed here and its public key given as {@code STRIDE_LOCAL_JWKS}. System properties stand in for
 * the variables infra sets. Work messages are pulled from a subscription made here and pushed to
 * the worker as the push subscription does (the push body, no CloudEvent headers); account
 * deletions reach the eraser the same way, as its own subscription pushes them.
 *
 * <p>The entries share one Spring context (one per initializer per JVM), hence one set of ports:
 * the bucket is {@code LocalStorageHelper}'s in-memory fake ({@code STRIDE_GCS_IN_MEMORY=true}),
 * whose store is a static of that class, so this test sees the worker's objects through its own
 * client on the same fake (built without {@code getOptions()}, which would empty it).
 */
class DevicesFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();
  @RegisterExtension static final PubSubExtension PUBSUB = new PubSubExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final String BUCKET = "stride-devices-apac";
  private static final String POLAR_KEY = "polar-key-" + UUID.randomUUID();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();

  /**
   * What infra gives the functions that serve no HTTP and call no provider, the outbox relay, the
   * eraser and its sweep, beyond the Functions Framework's own (infra's {@code
   * OutboxRelaysGcpTest}, {@code ErasersGcpTest} and {@code DevicesGcpTest} pin them): the region,
   * its store, its events topic, the token settings every function of the zip gets (the local JWKS
   * standing for the JWKS URL) and the names of the bucket and work topic its configuration
   * requires; with the emulators, the in-memory bucket and the local switch the cloud does not
   * need. No key and no secret: none of them reads one.
   */
  private static final Set<String> START_VARIABLES =
      Set.of(
          "STRIDE_REGION",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_FIRESTORE_PROJECT",
          "STRIDE_EVENTS_TOPIC",
          "STRIDE_DEVICES_WORK_TOPIC",
          "STRIDE_DEVICES_BUCKET",
          "STRIDE_FIRESTORE_EMULATOR_HOST",
          "STRIDE_PUBSUB_ENDPOINT",
          DevicesGcpConfig.IN_MEMORY_BUCKET_ENV,
          "STRIDE_LOCAL_MODE");

  /**
   * What infra gives the worker (infra's {@code DevicesWorkerGcpTest} pins it): {@link
   * #START_VARIABLES}, its share of Strava's limits, the token key (a local key standing in for
   * Cloud KMS) and the OAuth clients' secrets (the test's Polar client standing for them all). Not
   * the cursor key or a webhook secret.
   */
  private static final Set<String> WORKER_VARIABLES =
      union(
          START_VARIABLES,
          Set.of(
              "STRIDE_PROVIDER_STRAVA_BUDGET_SHARE",
              "STRIDE_DEVICES_TOKEN_LOCAL_KEY",
              "STRIDE_OAUTH_STATE_KEY",
              "STRIDE_OAUTH_REDIRECT_URI",
              "STRIDE_OAUTH_POLAR_CLIENT_ID",
              "STRIDE_OAUTH_POLAR_CLIENT_SECRET",
              "STRIDE_OAUTH_POLAR_TOKEN_URL",
              "STRIDE_PROVIDER_API_POLAR"));

  private static ManagedChannel channel;
  private static SubscriptionAdminClient subscriptions;
  private static TopicName workTopic;
  private static SubscriptionName work;
  private static SubscriptionName events;
  private static WireMockServer polar;
  private static Firestore firestore;
  private static FirestoreActivityStore activities;
  private static FirestoreImportJobStore imports;
  private static Storage bucket;
  private static Invoker http;
  private static Invoker worker;
  private static Invoker eraser;
  private static Invoker sweep;
  private static URI httpBase;
  private static URI workerBase;
  private static URI eraserBase;
  private static URI sweepBase;

  @BeforeAll
  static void start() throws Exception {
    connectPubSub();
    workTopic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("devices-work"));
    work = createTopicWithSubscription(workTopic, false);
    TopicName eventsTopic = TopicName.of(PUBSUB.projectId(), PUBSUB.uniqueName("activity-events"));
    events = createTopicWithSubscription(eventsTopic, true);
    polar = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    polar.start();

    CONFIG.put("STRIDE_REGION", APAC.value());
    CONFIG.put("STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId());
    CONFIG.put("STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost());
    CONFIG.put("STRIDE_EVENTS_TOPIC", eventsTopic.toString());
    CONFIG.put("STRIDE_DEVICES_WORK_TOPIC", workTopic.toString());
    CONFIG.put("STRIDE_PUBSUB_ENDPOINT", PUBSUB.emulatorHost());
    CONFIG.put("STRIDE_DEVICES_BUCKET", BUCKET);
    CONFIG.put(DevicesGcpConfig.IN_MEMORY_BUCKET_ENV, "true");
    CONFIG.put("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    CONFIG.put("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    CONFIG.put("STRIDE_LOCAL_MODE", "true");
    CONFIG.put("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    CONFIG.put("STRIDE_CURSOR_KEY", base64(32));
    CONFIG.put("STRIDE_WEBHOOK_POLAR_SIGNING_KEY", POLAR_KEY);
    CONFIG.put("STRIDE_DEVICES_TOKEN_LOCAL_KEY", base64(32));
    CONFIG.put("STRIDE_OAUTH_STATE_KEY", base64(32));
    CONFIG.put("STRIDE_OAUTH_REDIRECT_URI", "stride://connect");
    CONFIG.put("STRIDE_OAUTH_POLAR_CLIENT_ID", "polar-client");
    CONFIG.put("STRIDE_OAUTH_POLAR_CLIENT_SECRET", "polar-client-secret");
    CONFIG.put("STRIDE_OAUTH_POLAR_TOKEN_URL", polar.baseUrl() + "/v2/oauth2/token");
    CONFIG.put("STRIDE_PROVIDER_API_POLAR", polar.baseUrl());
    CONFIG.put("STRIDE_PROVIDER_STRAVA_BUDGET_SHARE", "0.333333");
    CONFIG.forEach(System::setProperty);

    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    activities = new FirestoreActivityStore(firestore, APAC, Clock.systemUTC());
    imports = new FirestoreImportJobStore(firestore, APAC, Clock.systemUTC());

    int httpPort = freePort();
    http = new Invoker(httpPort, DevicesHttpFunction.class.getName(), null, loader());
    http.startTestServer();
    httpBase = URI.create("http://127.0.0.1:" + httpPort);
    int workerPort = freePort();
    worker = new Invoker(workerPort, DevicesWorkerFunction.class.getName(), null, loader());
    worker.startTestServer();
    workerBase = URI.create("http://127.0.0.1:" + workerPort);
    int eraserPort = freePort();
    eraser = new Invoker(eraserPort, DevicesUserEraserFunction.class.getName(), null, loader());
    eraser.startTestServer();
    eraserBase = URI.create("http://127.0.0.1:" + eraserPort);
    int sweepPort = freePort();
    sweep = new Invoker(sweepPort, DevicesErasureSweepFunction.class.getName(), null, loader());
    sweep.startTestServer();
    sweepBase = URI.create("http://127.0.0.1:" + sweepPort);
    // The functions' in-memory bucket, seen without resetting it (getOptions() would).
    bucket =
        StorageOptions.newBuilder()
            .setProjectId("fake-project-for-testing")
            .setServiceRpcFactory(new LocalStorageHelper.FakeStorageRpcFactory())
            .build()
            .getService();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sweep != null) {
      sweep.stopServer();
    }
    if (eraser != null) {
      eraser.stopServer();
    }
    if (worker != null) {
      worker.stopServer();
    }
    if (http != null) {
      http.stopServer();
    }
    CONFIG.keySet().forEach(System::clearProperty);
    if (polar != null) {
      polar.stop();
    }
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
  void aConnectedPolarUsersPush_isQueued_thenTheWorkerFetchesTheExercise_andImportsIt()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    String polarUser = newPolarUser();
    String exercise = "ex" + polarUser;
    connectPolar(user, polarUser, "polar-at-" + polarUser);
    servesExercise(exercise, "polar-at-" + polarUser);

    ReceivedMessage queued = pushExerciseWebhook(polarUser, exercise);
    assertThat(queued.getMessage().getAttributesMap()).containsEntry("kind", "webhook.polar");

    HttpResponse<String> handled = deliverToWorker(queued.getMessage(), 1);

    assertThat(handled.statusCode()).as(handled.body()).isEqualTo(204);
    PubsubMessage imported = pull(events, 1).get(0);
    assertThat(imported.getAttributesMap())
        .containsEntry("ce-type", "app.stride.activity.v1.imported");
    String activityId =
        Json.mapper().readTree(imported.getData().toByteArray()).findValue("activityId").asString();
    HttpResponse<String> read =
        send(
            authorized(
                    HttpRequest.newBuilder(
                        httpBase.resolve("/v1/activities/" + activityId + "?samples=true")),
                    user)
                .GET());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode activity = Json.mapper().readTree(read.body());
    assertThat(activity.path("sport").asString()).isEqualTo("running");
    assertThat(activity.path("sources").path(0).path("provider").asString()).isEqualTo("polar");
    assertThat(activity.path("sources").path(0).path("externalId").asString()).isEqualTo(exercise);
    assertThat(activity.path("samples"))
        .as("the worker's sample stream, read back from the same in-memory bucket")
        .hasSize(11);
    assertThat(originals(user)).as("the fetched original is kept").hasSize(1);
    polar.verify(1, getRequestedFor(urlEqualTo("/v3/exercises/" + exercise + "/fit")));
  }

  /**
   * The worker's entry point started on its own with only what infra gives it, as the cloud starts
   * it, imports a pushed exercise. Its in-memory bucket is its own class loader's, so the objects
   * it stores are not read back here (the shared worker's test above reads them).
   */
  @Test
  void worker_startedWithOnlyItsVariables_importsAPushedExercise() throws Exception {
    String user = "u-" + UUID.randomUUID();
    String polarUser = newPolarUser();
    String exercise = "ex" + polarUser;
    connectPolar(user, polarUser, "polar-at-" + polarUser);
    servesExercise(exercise, "polar-at-" + polarUser);
    PubsubMessage queued = pushExerciseWebhook(polarUser, exercise).getMessage();

    HttpResponse<String> handled =
        OnlyProperties.during(
            CONFIG.keySet(),
            WORKER_VARIABLES,
            () -> startedAlone(DevicesWorkerFunction.class, base -> deliver(base, queued, 1)));

    assertThat(handled.statusCode()).as(handled.body()).isEqualTo(204);
    assertThat(storedActivities(user))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.sources()).hasSize(1);
              assertThat(a.sources().get(0).externalId()).isEqualTo(exercise);
            });
    assertThat(pull(events, 1))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getAttributesMap())
                    .containsEntry("ce-type", "app.stride.activity.v1.imported"));
  }

  @Test
  void workerPush_ofAPoisonMessage_isAcknowledged_andStoresNothing() throws Exception {
    String user = "u-" + UUID.randomUUID();
    String polarUser = newPolarUser();
    String exercise = "ex" + polarUser;
    connectPolar(user, polarUser, "polar-at-" + polarUser);
    servesExercise(exercise, "polar-at-" + polarUser);
    PubsubMessage poison =
        PubsubMessage.newBuilder()
            .setMessageId(UUID.randomUUID().toString())
            .setData(
                ByteString.copyFromUtf8(
                    template("pubsub/notification-without-idempotency-key.json")
                        .replace("${POLAR_USER}", polarUser)
                        .replace("${EXERCISE_ID}", exercise)))
            .putAttributes("kind", "webhook.polar")
            .build();

    HttpResponse<String> handled = deliverToWorker(poison, 1);

    assertThat(handled.statusCode() / 100)
        .as("acknowledged (dropped), not redelivered: " + handled.body())
        .isEqualTo(2);
    polar.verify(0, getRequestedFor(urlEqualTo("/v3/exercises/" + exercise + "/fit")));
    assertThat(storedActivities(user)).isEmpty();
    assertThat(originals(user)).isEmpty();
  }

  @Test
  void workerPush_whilePolarIsDown_isNotAcknowledged_storesNothing_andItsRedeliveryImports()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    String polarUser = newPolarUser();
    String exercise = "ex" + polarUser;
    connectPolar(user, polarUser, "polar-at-" + polarUser);
    polar.stubFor(
        get(urlEqualTo("/v3/exercises/" + exercise + "/fit"))
            .willReturn(aResponse().withStatus(503)));
    PubsubMessage queued = pushExerciseWebhook(polarUser, exercise).getMessage();

    HttpResponse<String> handled = deliverToWorker(queued, 1);

    assertThat(handled.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(handled.body()).doesNotContain("polar-at-" + polarUser);
    assertThat(storedActivities(user)).isEmpty();
    assertThat(originals(user)).isEmpty();

    servesExercise(exercise, "polar-at-" + polarUser);
    HttpResponse<String> redelivered = deliverToWorker(queued, 2);

    assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(204);
    assertThat(storedActivities(user))
        .singleElement()
        .satisfies(a -> assertThat(a.sources()).hasSize(1));
    assertThat(pull(events, 1))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getAttributesMap())
                    .containsEntry("ce-type", "app.stride.activity.v1.imported"));
  }

  @Test
  void userDeletedPush_erasesTheUsersConnectionActivitiesImportsAndObjects_onlyTheirs()
      throws Exception {
    String polarUser = newPolarUser();
    String exercise = "ex" + polarUser;
    connectPolar("usr_1", polarUser, "polar-at-" + polarUser);
    servesExercise(exercise, "polar-at-" + polarUser);
    assertThat(
            deliverToWorker(pushExerciseWebhook(polarUser, exercise).getMessage(), 1).statusCode())
        .isEqualTo(204);
    assertThat(pull(events, 1)).as("the import's event").hasSize(1);
    ImportJob imported = anImport("usr_1");
    imports.create(imported, APAC);
    ImportJob kept = anImport("usr_10");
    imports.create(kept, APAC);
    bucket.create(BlobInfo.newBuilder(BUCKET, kept.originalKey()).build(), new byte[] {1});
    bucket.create(BlobInfo.newBuilder(BUCKET, "samples/usr_10/a_01/s_01").build(), new byte[] {2});
    assertThat(storedActivities("usr_1")).hasSize(1);
    assertThat(objects("samples/usr_1/")).isNotEmpty();

    HttpResponse<String> push = pushUserDeleted(UUID.randomUUID().toString(), "usr_1");

    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    assertThat(firestore.document("users/usr_1").listCollections())
        .as("no connection, activity, source claim, import or hash claim left")
        .isEmpty();
    assertThat(objects("originals/usr_1/")).isEmpty();
    assertThat(objects("samples/usr_1/")).isEmpty();
    assertThat(pull(work, 1))
        .as("the grant's revocation, queued as on a disconnect")
        .singleElement()
        .satisfies(
            m -> assertThat(m.getAttributesMap()).containsEntry("kind", QueuedRevocation.KIND));
    assertThat(imports.find(new UserId("usr_10"), kept.id(), APAC)).contains(kept);
    assertThat(objects("originals/usr_10/")).hasSize(1);
    assertThat(objects("samples/usr_10/")).hasSize(1);

    HttpResponse<String> again = pushUserDeleted(UUID.randomUUID().toString(), "usr_1");

    assertThat(again.statusCode())
        .as("a redelivery erases nothing more: " + again.body())
        .isEqualTo(204);
    assertThat(imports.find(new UserId("usr_10"), kept.id(), APAC)).contains(kept);
  }

  @Test
  void sweepTick_afterAnErasure_removesAnObjectThatLandedLate_andNoOneElses() throws Exception {
    String user = "u-" + UUID.randomUUID();
    assertThat(pushUserDeleted(UUID.randomUUID().toString(), user).statusCode()).isEqualTo(204);
    // An upload URL signed before the deletion puts its object after the eraser listed the folder.
    String late = "originals/" + user + "/up_late";
    String other = "originals/u-" + UUID.randomUUID() + "/up_1";
    bucket.create(BlobInfo.newBuilder(BUCKET, late).build(), new byte[] {1});
    bucket.create(BlobInfo.newBuilder(BUCKET, other).build(), new byte[] {2});

    HttpResponse<String> tick = sweepTick(sweepBase);

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(objects("originals/" + user + "/")).isEmpty();
    assertThat(objects(other)).hasSize(1);
  }

  /**
   * The eraser's entry point started on its own with only what infra gives it ({@link
   * #START_VARIABLES}) erases the user's activities and imports. Its in-memory bucket is then its
   * own class loader's: the objects' erasure is the shared eraser's test above.
   */
  @Test
  void eraser_startedWithOnlyItsVariables_erasesTheUsersActivitiesAndImports() throws Exception {
    String user = "u-" + UUID.randomUUID();
    storedActivity(user);
    imports.create(anImport(user), APAC);
    assertThat(firestore.document("users/" + user).listCollections()).isNotEmpty();
    String eventId = UUID.randomUUID().toString();

    HttpResponse<String> push =
        OnlyProperties.during(
            CONFIG.keySet(),
            START_VARIABLES,
            () ->
                startedAlone(
                    DevicesUserEraserFunction.class,
                    base -> pushToEraser(base, eventId, userDeleted(eventId, user))));

    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    assertThat(firestore.document("users/" + user).listCollections())
        .as("no activity, source claim or import left")
        .isEmpty();
  }

  /**
   * The sweep's entry point started on its own with only what infra gives it removes an activity
   * written after its account's erasure (a write whose own sweep failed).
   */
  @Test
  void sweep_startedWithOnlyItsVariables_removesAnActivityWrittenAfterTheErasure()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    assertThat(pushUserDeleted(UUID.randomUUID().toString(), user).statusCode()).isEqualTo(204);
    storedActivity(user);
    assertThat(storedActivities(user)).hasSize(1);

    HttpResponse<String> tick =
        OnlyProperties.during(
            CONFIG.keySet(),
            START_VARIABLES,
            () -> startedAlone(DevicesErasureSweepFunction.class, DevicesFunctionIT::sweepTick));

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(storedActivities(user)).isEmpty();
  }

  @Test
  void relayTick_publishesAnActivityEventLeftInTheOutbox_andClearsIt() throws Exception {
    // An import whose publish never happened: the activity and its event stored, nothing sent.
    UserId user = new UserId("u-" + UUID.randomUUID());
    String eventId = UUID.randomUUID().toString();
    activities.create(
        HistoryTestData.anActivity(
            user, Instant.parse("2026-03-14T06:30:00Z"), Duration.ofMinutes(40), 8_000.0),
        new OutboundEvent(
            eventId,
            "app.stride.activity.v1.imported",
            "users/" + user.value() + "/activities",
            ("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8)),
        APAC);

    // The relay starts with only the variables infra gives it (infra's OutboxRelaysGcpTest and
    // DevicesGcpTest pin them), the emulators and the in-memory bucket standing in for the cloud's.
    HttpResponse<String> tick =
        OnlyProperties.during(
            CONFIG.keySet(),
            START_VARIABLES,
            () -> startedAlone(DevicesOutboxRelayFunction.class, DevicesFunctionIT::relayTick));

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    assertThat(pull(events, 1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getAttributesMap())
                  .containsEntry("ce-id", eventId)
                  .containsEntry("ce-type", "app.stride.activity.v1.imported");
              assertThat(m.getOrderingKey()).isEqualTo("users/" + user.value() + "/activities");
            });
    assertThat(activities.pending(100, APAC)).noneMatch(p -> p.userId().equals(user));
  }

  /**
   * Starts {@code entryPoint} on its own, in a class loader of its own (so its application context
   * starts afresh with the variables set now, not the one the other entry points share), hands
   * {@code call} its address, and stops it.
   */
  private static <T> T startedAlone(Class<?> entryPoint, Call<T> call) throws Exception {
    int port = freePort();
    IsolatedClassLoader isolated =
        new IsolatedClassLoader(
            loader(), List.of("com.google.cloud.functions.", "io.cloudevents."));
    Invoker function = new Invoker(port, entryPoint.getName(), null, isolated);
    function.startTestServer();
    try {
      return call.to(URI.create("http://127.0.0.1:" + port));
    } finally {
      function.stopServer();
      isolated.close();
    }
  }

  /** A call to a function at an address. */
  @FunctionalInterface
  private interface Call<T> {
    T to(URI base) throws Exception;
  }

  /** Sends the relay at {@code base} one schedule tick. */
  private static HttpResponse<String> relayTick(URI base) throws Exception {
    return tick(base, "devices-outbox-relay", "pubsub/outbox-relay-tick.json");
  }

  /** Sends the erasure's sweep at {@code base} one schedule tick. */
  private static HttpResponse<String> sweepTick(URI base) throws Exception {
    return tick(base, "devices-erasure-sweep", "pubsub/erasure-sweep-tick.json");
  }

  /** Sends the scheduled function at {@code base} a message of its schedule's topic. */
  private static HttpResponse<String> tick(URI base, String topic, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(base)
            .header("ce-id", "tick-" + UUID.randomUUID())
            .header("ce-specversion", "1.0")
            .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
            .header("ce-source", "//pubsub.googleapis.com/projects/stride-test/topics/" + topic)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(template(body))));
  }

  /** An activity of {@code user} stored with its event already published. */
  private static void storedActivity(String user) {
    String eventId = UUID.randomUUID().toString();
    Activity activity =
        HistoryTestData.anActivity(
            new UserId(user),
            Instant.parse("2026-03-14T06:30:00Z"),
            Duration.ofMinutes(40),
            8_000.0);
    activities.create(
        activity,
        new OutboundEvent(
            eventId,
            "app.stride.activity.v1.imported",
            "users/" + user + "/activities",
            ("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8)),
        APAC);
    activities.markPublished(new UserId(user), activity.id(), eventId, APAC);
  }

  @Test
  void userDeletedPush_ofAnUnreadableEvent_failsTheCall_soPubSubRedeliversIt() throws Exception {
    String user = "u-" + UUID.randomUUID();
    ImportJob job = anImport(user);
    imports.create(job, APAC);

    HttpResponse<String> push =
        pushToEraser(
            UUID.randomUUID().toString(),
            ("{\"userId\":\"" + user + "\"}").getBytes(StandardCharsets.UTF_8));

    assertThat(push.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(imports.find(new UserId(user), job.id(), APAC)).as("nothing erased").contains(job);
  }

  private static ImportJob anImport(String user) {
    ImportId id = ImportId.next(Instant.now(), RANDOM);
    return ImportJob.received(
        id,
        new UserId(user),
        Provider.UPLOAD,
        "application/gpx+xml",
        "originals/" + user + "/" + id,
        HexFormat.of().formatHex(RANDOM.generateSeed(32)),
        Instant.now());
  }

  /**
   * POSTs what the eraser's push subscription delivers for a message carrying a user-deleted event:
   * the push body, no CloudEvent headers.
   */
  private static HttpResponse<String> pushUserDeleted(String eventId, String userId)
      throws Exception {
    return pushToEraser(eventId, userDeleted(eventId, userId));
  }

  private static byte[] userDeleted(String eventId, String userId) {
    return new EventCodec()
        .encodeToBytes(UserDeleted.event(eventId, APAC.value(), userId, Instant.now()));
  }

  private static HttpResponse<String> pushToEraser(String eventId, byte[] data) throws Exception {
    return pushToEraser(eraserBase, eventId, data);
  }

  /** POSTs what the eraser's push subscription delivers to the eraser at {@code base}. */
  private static HttpResponse<String> pushToEraser(URI base, String eventId, byte[] data)
      throws Exception {
    String messageId = UUID.randomUUID().toString();
    String body =
        template("pubsub/user-deleted-push.json")
            .replace("${EVENT_ID}", eventId)
            .replace("${MESSAGE_ID}", messageId)
            .replace("${DATA}", Base64.getEncoder().encodeToString(data));
    return send(
        HttpRequest.newBuilder(base)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static List<Blob> objects(String prefix) {
    return StreamSupport.stream(
            bucket.list(BUCKET, Storage.BlobListOption.prefix(prefix)).iterateAll().spliterator(),
            false)
        .toList();
  }

  /** The user connects Polar: the app opens the authorize URL and posts back code and state. */
  private static void connectPolar(String user, String polarUser, String accessToken)
      throws Exception {
    String code = "code-" + UUID.randomUUID();
    polar.stubFor(
        post("/v2/oauth2/token")
            .withRequestBody(containing("code=" + code))
            .willReturn(
                okJson(
                    template("polar/token.json")
                        .replace("${ACCESS_TOKEN}", accessToken)
                        .replace("${POLAR_USER}", polarUser))));
    HttpResponse<String> started =
        send(
            authorized(
                    HttpRequest.newBuilder(
                        httpBase.resolve("/v1/devices/connections/polar/authorization")),
                    user)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(started.statusCode() / 100).as(started.body()).isEqualTo(2);
    String url = Json.mapper().readTree(started.body()).path("authorizationUrl").asString();
    String state =
        URLDecoder.decode(url.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);

    HttpResponse<String> connected =
        send(
            authorized(
                    HttpRequest.newBuilder(httpBase.resolve("/v1/devices/connections/polar")), user)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}")));
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
  }

  private static void servesExercise(String exercise, String accessToken) throws Exception {
    polar.stubFor(
        get(urlEqualTo("/v3/exercises/" + exercise + "/fit"))
            .withHeader("Authorization", equalTo("Bearer " + accessToken))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(fixture("activities/run-11-points.gpx"))));
  }

  /** Polar pushes a new exercise, signed; the webhook answers 200 and queues it on the topic. */
  private static ReceivedMessage pushExerciseWebhook(String polarUser, String exercise)
      throws Exception {
    String push =
        template("polar/exercise-push.json")
            .strip()
            .replace("${POLAR_USER}", polarUser)
            .replace("${EXERCISE_ID}", exercise)
            .replace("${TIMESTAMP}", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    HttpResponse<String> pushed =
        send(
            HttpRequest.newBuilder(httpBase.resolve("/v1/webhooks/polar/" + APAC.value()))
                .header("Content-Type", "application/json")
                .header("polar-webhook-signature", hmacSha256Hex(POLAR_KEY, push))
                .POST(HttpRequest.BodyPublishers.ofString(push)));
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    List<ReceivedMessage> queued = pullReceived(work, 1);
    assertThat(queued).as("one message on the work topic").hasSize(1);
    return queued.get(0);
  }

  /**
   * POSTs what the work topic's push subscription delivers to the worker: the push body, no
   * CloudEvent headers.
   */
  private static HttpResponse<String> deliverToWorker(PubsubMessage message, int attempt)
      throws Exception {
    return deliver(workerBase, message, attempt);
  }

  /** POSTs the push body of {@code message} to the worker at {@code base}. */
  private static HttpResponse<String> deliver(URI base, PubsubMessage message, int attempt)
      throws Exception {
    ObjectNode push = Json.mapper().createObjectNode();
    ObjectNode m = push.putObject("message");
    ObjectNode attributes = m.putObject("attributes");
    message.getAttributesMap().forEach(attributes::put);
    m.put("data", Base64.getEncoder().encodeToString(message.getData().toByteArray()));
    m.put("messageId", message.getMessageId());
    m.put(
        "publishTime",
        message.hasPublishTime()
            ? Timestamps.toString(message.getPublishTime())
            : Instant.now().toString());
    push.put("subscription", work.toString());
    push.put("deliveryAttempt", attempt);
    return send(
        HttpRequest.newBuilder(base)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(push))));
  }

  private static List<Activity> storedActivities(String user) {
    return activities.startingBetween(
        new UserId(user), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), APAC);
  }

  private static List<Blob> originals(String user) {
    return StreamSupport.stream(
            bucket
                .list(BUCKET, Storage.BlobListOption.prefix("originals/" + user + "/"))
                .iterateAll()
                .spliterator(),
            false)
        .toList();
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    return request.header("Authorization", "Bearer " + TOKENS.accessToken(user, APAC.value()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Pulls until {@code expected} messages arrived, acknowledging them. The emulator's pull waits up
   * to a minute when nothing is there, so never pull for more than is expected.
   */
  private static List<ReceivedMessage> pullReceived(SubscriptionName from, int expected) {
    List<ReceivedMessage> received = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    do {
      var response = subscriptions.pull(from, expected - received.size());
      List<String> acks = new ArrayList<>();
      for (ReceivedMessage m : response.getReceivedMessagesList()) {
        received.add(m);
        acks.add(m.getAckId());
      }
      if (!acks.isEmpty()) {
        subscriptions.acknowledge(from, acks);
      }
    } while (received.size() < expected && System.nanoTime() < deadline);
    return received;
  }

  private static List<PubsubMessage> pull(SubscriptionName from, int expected) {
    return pullReceived(from, expected).stream().map(ReceivedMessage::getMessage).toList();
  }

  private static void connectPubSub() {
    channel = ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build();
  }

  private static SubscriptionName createTopicWithSubscription(TopicName topic, boolean ordered)
      throws Exception {
    var transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try (TopicAdminClient topics =
        TopicAdminClient.create(
            TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      topics.createTopic(topic);
    }
    if (subscriptions == null) {
      subscriptions =
          SubscriptionAdminClient.create(
              SubscriptionAdminSettings.newBuilder()
                  .setTransportChannelProvider(transport)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .build());
    }
    SubscriptionName subscription =
        SubscriptionName.of(PUBSUB.projectId(), topic.getTopic() + "-sub");
    subscriptions.createSubscription(
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topic.toString())
            .setEnableMessageOrdering(ordered)
            .setAckDeadlineSeconds(10)
            .build());
    return subscription;
  }

  /** A Polar user id no other run has connected (claims are global in the emulator). */
  private static String newPolarUser() {
    return Long.toString(100_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000_000L);
  }

  private static String base64(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static String hmacSha256Hex(String key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String template(String path) throws Exception {
    return new String(fixture(path), StandardCharsets.UTF_8);
  }

  private static byte[] fixture(String path) throws Exception {
    try (InputStream in = DevicesFunctionIT.class.getResourceAsStream("/" + path)) {
      return in.readAllBytes();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static ClassLoader loader() {
    return Thread.currentThread().getContextClassLoader();
  }
}
