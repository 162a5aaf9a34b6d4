package app.stride.devices.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.lambda.StrideFunctionInvoker;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoActivityStore;
import app.stride.devices.aws.adapter.out.s3.S3ObjectStore;
import app.stride.devices.aws.adapter.out.s3.S3ProxyExtension;
import app.stride.devices.aws.adapter.out.s3.S3Settings;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devices deployable end to end through the real Lambda handler: {@code FunctionInvoker} starts
 * {@code DevicesAwsApplication} (MAIN_CLASS) and serves API Gateway v2 events against dynalite,
 * s3proxy and ElasticMQ; system properties stand in for the variables infra sets.
 */
class DevicesAwsLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private static final TestTokens TOKENS = new TestTokens();
  private static final String POLAR_KEY = "polar-key-" + UUID.randomUUID();
  private static final String FITBIT_AUTHORIZATION = "Bearer fitbit-" + UUID.randomUUID();
  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_DEVICES_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_DEVICES_WORK_QUEUE_URL",
          "STRIDE_DEVICES_BUCKET",
          "STRIDE_S3_ENDPOINT",
          "STRIDE_WEBHOOK_POLAR_SIGNING_KEY",
          "STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN",
          "STRIDE_LOCAL_MODE",
          "STRIDE_CREATE_TABLES",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_CURSOR_KEY",
          "STRIDE_DEVICES_TOKEN_LOCAL_KEY",
          "STRIDE_OAUTH_STATE_KEY",
          "STRIDE_OAUTH_REDIRECT_URI",
          "STRIDE_OAUTH_POLAR_CLIENT_ID",
          "STRIDE_OAUTH_POLAR_CLIENT_SECRET",
          "STRIDE_OAUTH_POLAR_TOKEN_URL",
          "STRIDE_PROVIDER_API_POLAR",
          "STRIDE_PROVIDER_STRAVA_BUDGET_SHARE");

  /**
   * What infra gives the Lambdas that serve no HTTP, the eraser, its sweep and the outbox relay
   * ({@code CapabilityRuntime.startEnvironment}; pinned by infra's {@code DevicesAwsTest} and
   * {@code CapabilitiesAwsTest}), with the local endpoints and switch the cloud does not need.
   */
  private static final Set<String> START_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_DEVICES_TABLE",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_DEVICES_BUCKET",
          "STRIDE_DEVICES_WORK_QUEUE_URL",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_S3_ENDPOINT",
          "STRIDE_LOCAL_MODE");

  /**
   * What infra gives the worker ({@code QueueWorker}: the region's data and the capability's
   * resources, its share of Strava's limits; pinned by infra's {@code DevicesAwsTest}): {@link
   * #START_VARIABLES} and the stand-ins for the cloud's token key (a local key instead of KMS) and
   * settings bundle (the test's OAuth and webhook settings). Not the HTTP function's cursor key,
   * token verification or table creation.
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
              "STRIDE_PROVIDER_API_POLAR",
              "STRIDE_WEBHOOK_POLAR_SIGNING_KEY",
              "STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN"));

  private static SqsClient sqs;
  private static String workQueue;
  private static String eventsQueue;
  private static StrideFunctionInvoker http;
  private static String bucket;
  private static WireMockServer polarApi;

  @BeforeAll
  static void startFunction() {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
    eventsQueue = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu"))).queueUrl();
    workQueue = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("work-eu"))).queueUrl();
    bucket = UniqueNames.uniqueName("stride-devices-eu").toLowerCase(java.util.Locale.ROOT);
    S3.createBucket(bucket);
    System.setProperty("MAIN_CLASS", DevicesAwsApplication.class.getName());
    System.setProperty("STRIDE_REGION", "eu");
    System.setProperty("STRIDE_DEVICES_TABLE", UniqueNames.uniqueName("stride-devices-eu"));
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_EVENTS_QUEUE_URL", eventsQueue);
    System.setProperty("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString());
    System.setProperty("STRIDE_DEVICES_WORK_QUEUE_URL", workQueue);
    System.setProperty("STRIDE_DEVICES_BUCKET", bucket);
    System.setProperty("STRIDE_S3_ENDPOINT", S3.endpoint().toString());
    System.setProperty("STRIDE_WEBHOOK_POLAR_SIGNING_KEY", POLAR_KEY);
    System.setProperty("STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN", FITBIT_AUTHORIZATION);
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    System.setProperty("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    polarApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    polarApi.start();
    System.setProperty(
        "STRIDE_DEVICES_TOKEN_LOCAL_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    System.setProperty(
        "STRIDE_OAUTH_STATE_KEY",
        Base64.getEncoder()
            .encodeToString(
                new byte[] {
                  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
                  7, 7, 7, 7, 7
                }));
    System.setProperty("STRIDE_OAUTH_REDIRECT_URI", "stride://connect");
    System.setProperty("STRIDE_OAUTH_POLAR_CLIENT_ID", "polar-client");
    System.setProperty("STRIDE_OAUTH_POLAR_CLIENT_SECRET", "polar-client-secret");
    System.setProperty("STRIDE_OAUTH_POLAR_TOKEN_URL", polarApi.baseUrl() + "/v2/oauth2/token");
    System.setProperty("STRIDE_PROVIDER_API_POLAR", polarApi.baseUrl());
    System.setProperty("STRIDE_PROVIDER_STRAVA_BUDGET_SHARE", "0.5");
    System.setProperty("spring.cloud.function.definition", "devicesHttp");
    http = new StrideFunctionInvoker();
  }

  @AfterAll
  static void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
    polarApi.stop();
  }

  @Test
  void aConnectedPolarUsersPush_isQueued_thenTheWorkerFetchesTheExercise_andImportsIt()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    String polarUser = Long.toString(100_000 + new java.util.Random().nextInt(800_000));
    polarApi.stubFor(
        post("/v2/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"polar-at-1\",\"token_type\":\"bearer\","
                        + "\"expires_in\":31535999,\"x_user_id\":"
                        + polarUser
                        + "}")));
    polarApi.stubFor(
        get(urlEqualTo("/v3/exercises/bQx9Z1/fit"))
            .withHeader("Authorization", equalTo("Bearer polar-at-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(gpx())));

    // The user connects Polar: the app opens the authorize URL and posts back code and state.
    JsonNode started =
        body(
            invoke(
                event(
                    "POST", "/v1/devices/connections/polar/authorization", user, Map.of(), null)));
    String url = started.path("authorizationUrl").asString();
    String state =
        java.net.URLDecoder.decode(
            url.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    JsonNode connected =
        invoke(
            event(
                "PUT",
                "/v1/devices/connections/polar",
                user,
                Map.of("content-type", "application/json"),
                "{\"code\":\"polar-code\",\"state\":\"" + state + "\"}"));
    assertThat(connected.path("statusCode").asInt()).as(connected.toString()).isEqualTo(200);

    // Polar pushes the new exercise; the webhook queues it on the real work queue.
    String push =
        "{\"event\":\"EXERCISE\",\"user_id\":"
            + polarUser
            + ",\"entity_id\":\"bQx9Z1\",\"timestamp\":\""
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + "\",\"url\":\"https://www.polaraccesslink.com/v3/exercises/bQx9Z1\"}";
    JsonNode pushed =
        invoke(
            event(
                "POST",
                "/v1/webhooks/polar/eu",
                null,
                Map.of(
                    "content-type",
                    "application/json",
                    "polar-webhook-signature",
                    hex(hmac("HmacSHA256", POLAR_KEY, push))),
                push));
    assertThat(pushed.path("statusCode").asInt()).isEqualTo(200);
    Message queued = receiveOne(workQueue);

    // The worker Lambda takes it as SQS delivers it, fetches the exercise and imports it.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    startedAlone("devicesWorkerQueue", sqsEvent(queued), out, "devices-worker", WORKER_VARIABLES);
    JsonNode batch = Json.mapper().readTree(out.toByteArray());
    assertThat(batch.path("batchItemFailures")).as(batch.toString()).isEmpty();

    Message imported = receiveOne(eventsQueue);
    assertThat(imported.body()).contains("app.stride.activity.v1.imported");
    String activityId = Json.mapper().readTree(imported.body()).findValue("activityId").asString();
    JsonNode activity =
        body(invoke(event("GET", "/v1/activities/" + activityId, user, Map.of(), null)));
    assertThat(activity.path("sport").asString()).isEqualTo("running");
    assertThat(activity.path("sources").path(0).path("provider").asString()).isEqualTo("polar");
    assertThat(activity.path("sources").path(0).path("externalId").asString()).isEqualTo("bQx9Z1");
    polarApi.verify(1, getRequestedFor(urlEqualTo("/v3/exercises/bQx9Z1/fit")));
  }

  @Test
  void aFileOverTheRequestLimit_isAnnounced_putToItsPresignedUrl_completed_andImportedByTheWorker()
      throws Exception {
    String user = "u-" + UUID.randomUUID();
    byte[] zip = exportZip();
    assertThat(zip.length).as("beyond Lambda's 6 MB request payload").isGreaterThan(6_500_000);

    // The app announces the export and gets a presigned URL for it.
    JsonNode started =
        invoke(
            event(
                "POST",
                "/v1/activities/imports/uploads",
                user,
                Map.of("content-type", "application/json"),
                "{\"contentType\":\"application/zip\",\"size\":"
                    + zip.length
                    + ",\"sha256\":\""
                    + hex(MessageDigest.getInstance("SHA-256").digest(zip))
                    + "\"}"));
    assertThat(started.path("statusCode").asInt()).as(started.toString()).isEqualTo(201);
    JsonNode job = Json.mapper().readTree(started.path("body").asString());
    String location = "/v1/activities/imports/" + job.path("importId").asString();
    assertThat(job.path("status").asString()).isEqualTo("awaiting-upload");

    // It puts the file straight into the bucket (s3proxy checks the signature), then says so.
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(job.path("upload").path("url").asString()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(zip));
    job.path("upload")
        .path("headers")
        .properties()
        .forEach(
            h -> {
              if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asString());
              }
            });
    HttpResponse<String> uploaded =
        HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode completed = invoke(event("POST", location + "/upload-complete", user, Map.of(), null));
    assertThat(completed.path("statusCode").asInt()).as(completed.toString()).isEqualTo(202);
    assertThat(body(completed).path("status").asString()).isEqualTo("processing");

    // The worker Lambda takes the work message from the real queue and streams the file in.
    Message queued = receiveOne(workQueue);
    assertThat(queued.messageAttributes().get("kind").stringValue()).isEqualTo("import.file");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    startedAlone("devicesWorkerQueue", sqsEvent(queued), out, "devices-worker", WORKER_VARIABLES);
    JsonNode batch = Json.mapper().readTree(out.toByteArray());
    assertThat(batch.path("batchItemFailures")).as(batch.toString()).isEmpty();

    JsonNode done = body(invoke(event("GET", location, user, Map.of(), null)));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
    String activityId = done.path("activityIds").path(0).asString();
    JsonNode activity =
        body(invoke(event("GET", "/v1/activities/" + activityId, user, Map.of(), null)));
    assertThat(activity.path("sport").asString()).isEqualTo("running");
    assertThat(activity.path("sources").path(0).path("importId").asString())
        .isEqualTo(job.path("importId").asString());
    assertThat(receiveOne(eventsQueue).body())
        .contains("app.stride.activity.v1.imported", activityId);
  }

  @Test
  void
      aUserDeletedEvent_erasesTheUsersActivitiesImportsAndObjects_andAnUnreadableOneIsRedelivered_andTheSweepRemovesALateUpload()
          throws Exception {
    String user = "usr_" + UUID.randomUUID();
    JsonNode job =
        body(
            invoke(
                event(
                    "POST",
                    "/v1/activities/imports",
                    user,
                    Map.of("content-type", "application/gpx+xml"),
                    gpx())));
    String activity = "/v1/activities/" + job.path("activityIds").path(0).asString();
    String importJob = "/v1/activities/imports/" + job.path("importId").asString();
    body(invoke(event("GET", activity, user, Map.of(), null)));
    receiveOne(eventsQueue);
    S3Client s3 =
        S3ObjectStore.client(
            new S3Settings(
                Region.EU_CENTRAL_1, bucket, Optional.of(S3.endpoint()), Optional.empty()));
    assertThat(keysUnder(s3, "originals/" + user + "/")).isNotEmpty();
    assertThat(keysUnder(s3, "samples/" + user + "/")).isNotEmpty();
    String deleted =
        new String(
            new EventCodec()
                .encodeToBytes(
                    UserDeleted.event("ev-" + UUID.randomUUID(), "eu", user, Instant.now())),
            StandardCharsets.UTF_8);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    startedAlone(
        "devicesUserEraserQueue",
        sqsEvent(Map.of("m-deleted", deleted, "m-unreadable", "{\"not\":\"an event\"}")),
        out,
        "devices-user-eraser");

    JsonNode batch = Json.mapper().readTree(out.toByteArray());
    List<String> failed = new java.util.ArrayList<>();
    batch.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asString()));
    assertThat(failed).as(batch.toString()).containsExactly("m-unreadable");
    assertThat(invoke(event("GET", activity, user, Map.of(), null)).path("statusCode").asInt())
        .isEqualTo(404);
    assertThat(invoke(event("GET", importJob, user, Map.of(), null)).path("statusCode").asInt())
        .isEqualTo(404);
    assertThat(keysUnder(s3, "originals/" + user + "/")).isEmpty();
    assertThat(keysUnder(s3, "samples/" + user + "/")).isEmpty();

    // An upload URL signed before the deletion puts its object after the eraser listed the folder;
    // the next tick of the erasure's follow-up removes it, and no one else's.
    String late = "originals/" + user + "/up_late";
    String other = "originals/usr_" + UUID.randomUUID() + "/up_1";
    s3.putObject(r -> r.bucket(bucket).key(late), RequestBody.fromString("late"));
    s3.putObject(r -> r.bucket(bucket).key(other), RequestBody.fromString("kept"));
    startedAlone(
        "devicesErasureSweepSchedule",
        scheduledEvent("devices-erasure-sweep"),
        new ByteArrayOutputStream(),
        "devices-erasure-sweep");
    assertThat(keysUnder(s3, "originals/" + user + "/")).isEmpty();
    assertThat(keysUnder(s3, other)).containsExactly(other);
    s3.close();
  }

  /**
   * The outbox relay Lambda starts with only the variables infra gives it (pinned by infra's {@code
   * CapabilitiesAwsTest}; the local endpoints and switch stand in for the cloud's) and publishes an
   * event a failed publish left in an activity's outbox. Before 2026-11-28 infra gave it neither
   * the bucket's name nor the work queue's URL, which the deployable's configuration requires at
   * start: every tick failed.
   */
  @Test
  void outboxRelay_startsWithOnlyItsVariables_andPublishesWhatAFailedPublishLeft()
      throws Exception {
    String user = "usr_" + UUID.randomUUID();
    OutboundEvent event = ActivityTestData.anEvent(user);
    DynamoDbClient dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    DynamoActivityStore store =
        new DynamoActivityStore(
            DynamoDbClients.enhanced(dynamo),
            System.getProperty("STRIDE_DEVICES_TABLE"),
            RegionId.of("eu"),
            Clock.systemUTC());
    LocalTables.createIfMissing(store.table(), dynamo);
    store.create(ActivityTestData.anActivity().of(user).build(), event, RegionId.of("eu"));

    startedAlone(
        "devicesOutboxRelaySchedule",
        scheduledEvent("devices-outbox-relay"),
        new ByteArrayOutputStream(),
        "devices-outbox-relay");

    assertThat(receiveAll(eventsQueue))
        .extracting(m -> m.messageAttributes().get("ce-id").stringValue())
        .contains(event.id());
    assertThat(store.pending(100, RegionId.of("eu")))
        .noneMatch(p -> p.event().id().equals(event.id()));
    dynamo.close();
  }

  /**
   * Starts the Lambda of {@code definition} on its own with only {@link #START_VARIABLES} and hands
   * it {@code event}: as infra starts the eraser, its sweep and the relay.
   */
  private static void startedAlone(
      String definition, byte[] event, ByteArrayOutputStream out, String name) throws Exception {
    startedAlone(definition, event, out, name, START_VARIABLES);
  }

  /** Starts the Lambda of {@code definition} on its own with only {@code variables}. */
  private static void startedAlone(
      String definition,
      byte[] event,
      ByteArrayOutputStream out,
      String name,
      Set<String> variables)
      throws Exception {
    OnlyProperties.during(
        PROPERTIES,
        variables,
        () -> {
          System.setProperty("spring.cloud.function.definition", definition);
          new StrideFunctionInvoker()
              .handleRequest(
                  new ByteArrayInputStream(event), out, new LocalLambdaContext(name, 60_000));
          return null;
        });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** EventBridge Scheduler's event as infra's schedules send it ({@code LambdaSchedule}). */
  private static byte[] scheduledEvent(String schedule) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.scheduler");
    event.put("time", Instant.now().toString());
    event.put("region", "eu-west-1");
    event
        .putArray("resources")
        .add("arn:aws:scheduler:eu-west-1:000000000000:schedule/stride-eu/" + schedule);
    event.putObject("detail");
    return Json.toBytes(event);
  }

  private static List<String> keysUnder(S3Client s3, String prefix) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /** An SQS event of one record per message id and body, in the map's order. */
  private static byte[] sqsEvent(Map<String, String> bodies) {
    ObjectNode event = Json.mapper().createObjectNode();
    var records = event.putArray("Records");
    new java.util.TreeMap<>(bodies)
        .forEach(
            (id, body) -> {
              ObjectNode record = records.addObject();
              record.put("messageId", id);
              record.put("receiptHandle", "rh-" + id);
              record.put("body", body);
              record.putObject("attributes").put("ApproximateReceiveCount", "1");
              record.putObject("messageAttributes");
              record.put("eventSource", "aws:sqs");
              record.put(
                  "eventSourceARN", "arn:aws:sqs:eu-west-1:000000000000:stride-devices-eraser-eu");
              record.put("awsRegion", "eu-west-1");
            });
    return Json.toBytes(event);
  }

  /** A zip of one GPX run and 7 MB of incompressible attachment, as large exports carry. */
  private static byte[] exportZip() throws IOException {
    byte[] attachment = new byte[7 * 1024 * 1024];
    new java.util.Random(17).nextBytes(attachment);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("export/workout-1.gpx"));
      zip.write(gpx().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("export/electrocardiograms/attachment.bin"));
      zip.write(attachment);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] sqsEvent(Message message) {
    ObjectNode event = Json.mapper().createObjectNode();
    ObjectNode record = event.putArray("Records").addObject();
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    record.putObject("attributes").put("ApproximateReceiveCount", "1");
    record.putObject("messageAttributes");
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", "arn:aws:sqs:eu-west-1:000000000000:stride-devices-work-eu");
    record.put("awsRegion", "eu-west-1");
    return Json.toBytes(event);
  }

  private static JsonNode body(JsonNode response) {
    assertThat(response.path("statusCode").asInt() / 100).as(response.toString()).isEqualTo(2);
    return Json.mapper().readTree(response.path("body").asString());
  }

  @Test
  void gpxUpload_isImported_storedAndReadBack_andItsEventPublished() throws IOException {
    String user = "u-" + UUID.randomUUID();
    JsonNode accepted =
        invoke(
            event(
                "POST",
                "/v1/activities/imports",
                user,
                Map.of("content-type", "application/gpx+xml"),
                gpx()));

    assertThat(accepted.path("statusCode").asInt()).as(accepted.toString()).isEqualTo(202);
    JsonNode job = Json.mapper().readTree(accepted.path("body").asString());
    assertThat(job.path("status").asString()).isEqualTo("done");
    String id = job.path("activityIds").path(0).asString();

    JsonNode read =
        invoke(event("GET", "/v1/activities/" + id, user, Map.of(), null, "samples=true"));
    JsonNode activity = Json.mapper().readTree(read.path("body").asString());
    assertThat(activity.path("sport").asString()).isEqualTo("running");
    assertThat(activity.path("samples")).hasSize(11);
    Message published = receiveOne(eventsQueue);
    assertThat(published.body()).contains("app.stride.activity.v1.imported", id);
  }

  @Test
  void signedWebhooks_areQueued_aForgedOneIsRefusedAndQueuesNothing() throws IOException {
    String polar =
        "{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\"aQlC83\",\"timestamp\":\""
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + "\",\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}";
    String fitbit =
        "{\"data\":{\"healthUserId\":\"3Mg7QzU2kPq\",\"operation\":\"UPSERT\","
            + "\"dataType\":\"exercise\",\"intervals\":[{\"physicalTimeInterval\":"
            + "{\"startTime\":\"2026-09-27T07:00:00Z\",\"endTime\":\"2026-09-27T08:00:00Z\"}}]}}";

    JsonNode forged =
        invoke(
            event(
                "POST",
                "/v1/webhooks/polar/eu",
                null,
                Map.of(
                    "content-type",
                    "application/json",
                    "polar-webhook-signature",
                    hex(hmac("HmacSHA256", "forged", polar))),
                polar));
    assertThat(forged.path("statusCode").asInt()).isEqualTo(401);
    assertThat(receiveNone(workQueue)).isTrue();

    JsonNode polarOk =
        invoke(
            event(
                "POST",
                "/v1/webhooks/polar/eu",
                null,
                Map.of(
                    "content-type",
                    "application/json",
                    "polar-webhook-signature",
                    hex(hmac("HmacSHA256", POLAR_KEY, polar))),
                polar));
    JsonNode fitbitOk =
        invoke(
            event(
                "POST",
                "/v1/webhooks/fitbit/eu",
                null,
                Map.of("content-type", "application/json", "authorization", FITBIT_AUTHORIZATION),
                fitbit));

    assertThat(polarOk.path("statusCode").asInt()).as(polarOk.toString()).isEqualTo(200);
    assertThat(fitbitOk.path("statusCode").asInt()).as(fitbitOk.toString()).isEqualTo(204);
    assertThat(receiveOne(workQueue).messageAttributes().get("kind").stringValue())
        .isIn("webhook.polar", "webhook.fitbit");
    assertThat(receiveOne(workQueue).messageAttributes().get("kind").stringValue())
        .isIn("webhook.polar", "webhook.fitbit");
  }

  private static byte[] event(
      String method, String path, String user, Map<String, String> headers, String body) {
    return event(method, path, user, headers, body, "");
  }

  private static byte[] event(
      String method,
      String path,
      String user,
      Map<String, String> headers,
      String body,
      String query) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", path);
    event.put("rawQueryString", query);
    ObjectNode h = event.putObject("headers");
    headers.forEach(h::put);
    if (user != null) {
      h.put("authorization", "Bearer " + TOKENS.accessToken(user, "eu"));
    }
    if (!query.isEmpty()) {
      ObjectNode q = event.putObject("queryStringParameters");
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(kv[0], kv[1]);
      }
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("requestId", UUID.randomUUID().toString());
    context.put("stage", "$default");
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", path);
    http.put("sourceIp", "198.51.100.23");
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    return Json.toBytes(event);
  }

  private static JsonNode invoke(byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    http.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("devices", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  private static String gpx() {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    Instant start = Instant.parse("2026-09-27T07:15:00Z");
    for (int i = 0; i <= 10; i++) {
      gpx.append("<trkpt lat=\"")
          .append(52.5 + i * 0.001)
          .append("\" lon=\"13.4\"><time>")
          .append(start.plusSeconds(60L * i))
          .append("</time></trkpt>");
    }
    return gpx.append("</trkseg></trk></gpx>").toString();
  }

  private static Message receiveOne(String queue) {
    List<Message> messages =
        sqs.receiveMessage(
                r ->
                    r.queueUrl(queue)
                        .messageAttributeNames("All")
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(5))
            .messages();
    assertThat(messages).hasSize(1);
    sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(messages.get(0).receiptHandle()));
    return messages.get(0);
  }

  /** Every message waiting in {@code queue}, deleted. */
  private static List<Message> receiveAll(String queue) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queue)
                          .messageAttributeNames("All")
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1))
              .messages();
      if (batch.isEmpty()) {
        return all;
      }
      batch.forEach(
          m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
      all.addAll(batch);
    }
  }

  private static boolean receiveNone(String queue) {
    return sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages().isEmpty();
  }

  private static byte[] hmac(String algorithm, String key, String body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
