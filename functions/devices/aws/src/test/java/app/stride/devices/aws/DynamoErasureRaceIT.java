package app.stride.devices.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.config.Env;
import app.stride.core.event.OutboundEvent;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.ErasureRace;
import app.stride.devices.aws.adapter.out.s3.S3ObjectStore;
import app.stride.devices.aws.adapter.out.s3.S3ProxyExtension;
import app.stride.devices.aws.adapter.out.s3.S3Settings;
import app.stride.devices.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The race the erased marker's second check closes, against the real table and bucket (dynalite,
 * s3proxy) and the deployable's own adapters: the whole erasure (the eraser bean over the same
 * adapters) runs between an import's first check and its writes, so the eraser finds nothing of the
 * import, and only the import's second check can find what it stored. Nothing of the user may be
 * left but the marker: no original or sample stream in the bucket, no import, hash claim, activity,
 * source claim or pending event in the table.
 */
class DynamoErasureRaceIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final TokenVerifier VERIFIER =
      token -> new Principal(token, EU, Set.of(), "jti-" + token);

  private final Clock clock = Clock.systemUTC();
  private final List<OutboundEvent> published = new ArrayList<>();
  private boolean transportDown;
  private String table;
  private String bucket;
  private DynamoDbClient dynamo;
  private S3Client s3;
  private DevicesFunctions.Ports ports;
  private ErasureRace.Markers markers;

  @BeforeEach
  void adapters() {
    table = UniqueNames.uniqueName("stride-devices-eu");
    bucket = UniqueNames.uniqueName("stride-devices-eu").toLowerCase(Locale.ROOT);
    S3.createBucket(bucket);
    Map<String, String> values =
        Map.of(
            "STRIDE_REGION",
            "eu",
            "STRIDE_DEVICES_TABLE",
            table,
            "STRIDE_DYNAMODB_ENDPOINT",
            DYNAMO.endpoint().toString(),
            "STRIDE_CREATE_TABLES",
            "true",
            "STRIDE_LOCAL_MODE",
            "true",
            "STRIDE_DEVICES_BUCKET",
            bucket,
            "STRIDE_S3_ENDPOINT",
            S3.endpoint().toString(),
            "STRIDE_EVENTS_QUEUE_URL",
            "http://127.0.0.1:1/unused",
            "STRIDE_DEVICES_WORK_QUEUE_URL",
            "http://127.0.0.1:1/unused",
            "STRIDE_DEVICES_TOKEN_LOCAL_KEY",
            Base64.getEncoder().encodeToString(new byte[32]));
    Env env = new Env(values);
    DevicesAwsApplication.Adapters adapters =
        new DevicesAwsApplication.Adapters(DevicesAwsConfig.fromEnv(env), env, clock);
    markers = new ErasureRace.Markers(adapters.erased());
    ports =
        new DevicesFunctions.Ports(
            adapters.activities(),
            adapters.activities(),
            adapters.imports(),
            adapters.objects(),
            (kind, key, body) -> {},
            event -> {
              if (transportDown) {
                throw new IllegalStateException("queue down");
              }
              published.add(event);
            },
            adapters.connections(),
            adapters.tokens(),
            adapters.workouts(),
            markers);
    dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    s3 =
        S3ObjectStore.client(
            new S3Settings(
                Region.EU_CENTRAL_1, bucket, Optional.of(S3.endpoint()), Optional.empty()));
  }

  @AfterEach
  void close() {
    dynamo.close();
    s3.close();
  }

  @Test
  void anImportOvertakenByTheErasure_leavesNothingOfTheUser_inTheTableOrTheBucket() {
    Map<String, String> env = Map.of("STRIDE_CURSOR_KEY", base64Zeros());
    ApiFunction http = DevicesFunctions.http(ports, env, VERIFIER, EU, clock);
    Function<List<QueueMessage>, BatchResult> eraser =
        DevicesFunctions.userEraser(ports, env, EU, clock);
    String anna = "usr_" + UUID.randomUUID();
    String ben = "usr_" + UUID.randomUUID();
    assertThat(http.apply(ErasureRace.upload(ben, ErasureRace.gpx(0))).status()).isEqualTo(202);
    assertThat(http.apply(ErasureRace.upload(anna, ErasureRace.gpx(1))).status()).isEqualTo(202);
    published.clear();
    markers.eraseRightAfterNextCheck(
        () -> {
          BatchResult erased = eraser.apply(List.of(ErasureRace.deleted(anna, "eu")));
          assertThat(erased.failedMessageIds()).isEmpty();
        });
    List<List<String>> atChecks = new ArrayList<>();
    markers.beforeEachCheck(() -> atChecks.add(sortKeysOf(anna)));

    ApiResponse overtaken = http.apply(ErasureRace.upload(anna, ErasureRace.gpx(2)));

    assertThat(atChecks).hasSize(2);
    assertThat(atChecks.get(1))
        .as("the import had written its activity after the eraser had run")
        .anyMatch(sk -> sk.startsWith("ACTIVITY#"));
    assertThat(published).as("its activity's event never left").isEmpty();
    DevicesFunctions.outboxRelay(ports.outbox(), ports.events(), ports.erased(), EU)
        .accept(new ScheduledTick("t1", "outbox", clock.instant()));
    assertThat(published).as("nor through the relay").isEmpty();
    assertThat(sortKeysOf(anna)).containsExactly("ERASED");
    assertThat(keysUnder("originals/" + anna + "/")).isEmpty();
    assertThat(keysUnder("samples/" + anna + "/")).isEmpty();
    assertThat(overtaken.status()).isEqualTo(401);
    assertThat(sortKeysOf(ben)).isNotEmpty();
    assertThat(keysUnder("originals/" + ben + "/")).hasSize(1);
  }

  @Test
  void theRelay_publishesWhatAFailedPublishLeft_butClearsAnErasedAccountsEventsUnsent() {
    ApiFunction http =
        DevicesFunctions.http(
            ports, Map.of("STRIDE_CURSOR_KEY", base64Zeros()), VERIFIER, EU, clock);
    String anna = "usr_" + UUID.randomUUID();
    String ben = "usr_" + UUID.randomUUID();
    transportDown = true;
    assertThat(http.apply(ErasureRace.upload(ben, ErasureRace.gpx(0))).status()).isEqualTo(202);
    assertThat(http.apply(ErasureRace.upload(anna, ErasureRace.gpx(1))).status()).isEqualTo(202);
    transportDown = false;
    // Anna's account is erased; her activity (a late write, say) waits for the sweep.
    markers.markErased(new UserId(anna), clock.instant(), clock.instant().plusSeconds(60), EU);
    assertThat(pendingOf(anna)).hasSize(1);

    DevicesFunctions.outboxRelay(ports.outbox(), ports.events(), ports.erased(), EU)
        .accept(new ScheduledTick("t1", "outbox", clock.instant()));

    assertThat(published).extracting(OutboundEvent::subject).doesNotContain(anna);
    assertThat(published)
        .filteredOn(event -> event.subject().equals(ben))
        .extracting(OutboundEvent::type)
        .containsExactly("app.stride.activity.v1.imported");
    assertThat(pendingOf(anna)).as("cleared unsent").isEmpty();
    assertThat(pendingOf(ben)).isEmpty();
    assertThat(sortKeysOf(anna))
        .as("the activity is the sweep's")
        .anyMatch(sk -> sk.startsWith("ACTIVITY#"));
  }

  /** The pending events the relay would see for {@code user}. */
  private List<String> pendingOf(String user) {
    return ports.outbox().pending(100, EU).stream()
        .filter(pending -> pending.userId().value().equals(user))
        .map(pending -> pending.event().id())
        .toList();
  }

  private List<String> sortKeysOf(String user) {
    return dynamo
        .query(
            q ->
                q.tableName(table)
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> item.get("sk").s())
        .toList();
  }

  private List<String> keysUnder(String prefix) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private static String base64Zeros() {
    return Base64.getEncoder().encodeToString(new byte[32]);
  }
}
