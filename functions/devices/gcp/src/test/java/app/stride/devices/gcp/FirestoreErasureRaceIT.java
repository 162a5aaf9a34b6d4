package app.stride.devices.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.UserId;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreConnectionStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreErasedAccounts;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore;
import app.stride.devices.gcp.adapter.out.gcs.GcsObjectStore;
import app.stride.devices.gcp.adapter.out.workouts.FirestoreRecordedWorkouts;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race the erased marker's second check closes, on the Firestore emulator: the whole erasure
 * (the eraser bean over the same adapters) runs between an import's first check and its writes, so
 * only the import's second check can find what it stored. Nothing of the user may be left but the
 * marker. The bucket is the in-memory Cloud Storage the local platform uses (no Cloud Storage
 * server runs here, docs/devices.md); the table side is the point.
 */
class FirestoreErasureRaceIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final String BUCKET = "stride-devices-apac";
  private static final TokenVerifier VERIFIER =
      token -> new Principal(token, APAC, Set.of(), "jti-" + token);

  private static Firestore firestore;

  private final Clock clock = Clock.systemUTC();
  private final List<String> published = new ArrayList<>();
  private final Storage storage = LocalStorageHelper.getOptions().getService();
  private Runnable afterFirstCheck = () -> {};

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @Test
  void anImportOvertakenByTheErasure_leavesNothingOfTheUser_butTheMarker() throws Exception {
    DevicesFunctions.Ports ports = ports();
    Map<String, String> env =
        Map.of("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    ApiFunction http = DevicesFunctions.http(ports, env, VERIFIER, APAC, clock);
    Function<List<QueueMessage>, BatchResult> eraser =
        DevicesFunctions.userEraser(ports, env, APAC, clock);
    String anna = "usr_" + UUID.randomUUID();
    String ben = "usr_" + UUID.randomUUID();
    assertThat(http.apply(upload(ben, gpx(0))).status()).isEqualTo(202);
    assertThat(http.apply(upload(anna, gpx(1))).status()).isEqualTo(202);
    published.clear();
    afterFirstCheck =
        () -> assertThat(eraser.apply(List.of(deleted(anna))).failedMessageIds()).isEmpty();

    ApiResponse overtaken = http.apply(upload(anna, gpx(2)));

    assertThat(published)
        .as("the import wrote its activity after the eraser had run")
        .containsExactly("app.stride.activity.v1.imported");
    assertThat(documentsOf(anna)).isEmpty();
    assertThat(firestore.document("erasedAccounts/" + anna).get().get().exists()).isTrue();
    assertThat(keysUnder("originals/" + anna + "/")).isEmpty();
    assertThat(keysUnder("samples/" + anna + "/")).isEmpty();
    assertThat(overtaken.status()).isEqualTo(401);
    assertThat(documentsOf(ben)).isNotEmpty();
    assertThat(keysUnder("originals/" + ben + "/")).hasSize(1);
  }

  private DevicesFunctions.Ports ports() {
    ErasedAccounts markers = new FirestoreErasedAccounts(firestore, APAC, clock);
    ErasedAccounts racing =
        new ErasedAccounts() {
          @Override
          public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId h) {
            markers.markErased(userId, erasedAt, expiresAt, h);
          }

          @Override
          public boolean isErased(UserId userId, RegionId home) {
            boolean erased = markers.isErased(userId, home);
            Runnable once = afterFirstCheck;
            afterFirstCheck = () -> {};
            once.run();
            return erased;
          }
        };
    FirestoreActivityStore activities = new FirestoreActivityStore(firestore, APAC, clock);
    return new DevicesFunctions.Ports(
        activities,
        activities,
        new FirestoreImportJobStore(firestore, APAC, clock),
        new GcsObjectStore(storage, BUCKET, clock, false),
        (kind, key, body) -> {},
        event -> published.add(event.type()),
        new FirestoreConnectionStore(firestore, APAC, clock),
        LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
        new FirestoreRecordedWorkouts(firestore, APAC),
        racing);
  }

  /** Every document under {@code users/<user>}, in all its collections. */
  private static List<String> documentsOf(String user) throws Exception {
    List<String> paths = new ArrayList<>();
    for (CollectionReference collection : firestore.document("users/" + user).listCollections()) {
      collection.get().get().getDocuments().forEach(d -> paths.add(d.getReference().getPath()));
    }
    return paths;
  }

  private List<String> keysUnder(String prefix) {
    return StreamSupport.stream(
            storage.list(BUCKET, Storage.BlobListOption.prefix(prefix)).iterateAll().spliterator(),
            false)
        .map(Blob::getName)
        .toList();
  }

  private static ApiRequest upload(String user, String gpx) {
    return new ApiRequest(
        "POST",
        "/v1/activities/imports",
        Map.of(),
        Map.of("Authorization", "Bearer " + user, "Content-Type", "application/gpx+xml"),
        gpx.getBytes(StandardCharsets.UTF_8),
        "203.0.113.9",
        "req-" + UUID.randomUUID());
  }

  private static QueueMessage deleted(String user) {
    byte[] event =
        new EventCodec()
            .encodeToBytes(UserDeleted.event("ev-" + user, "apac", user, Instant.now()));
    return new QueueMessage("m-" + user, event, Map.of(), 1);
  }

  /** A ten-minute run; {@code day} sets it apart from the user's other runs. */
  private static String gpx(int day) {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    Instant start = Instant.parse("2026-09-27T07:15:00Z").plusSeconds(86_400L * day);
    for (int i = 0; i <= 10; i++) {
      gpx.append("<trkpt lat=\"")
          .append(52.5 + i * 0.001)
          .append("\" lon=\"13.4\"><time>")
          .append(start.plusSeconds(60L * i))
          .append("</time></trkpt>");
    }
    return gpx.append("</trkseg></trk></gpx>").toString();
  }
}
