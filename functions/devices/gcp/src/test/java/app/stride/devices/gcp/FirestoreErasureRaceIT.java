package app.stride.devices.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.event.OutboundEvent;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.ErasureRace;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.UserId;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreConnectionStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreErasedAccounts;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore;
import app.stride.devices.gcp.adapter.out.gcs.GcsObjectStore;
import app.stride.devices.gcp.adapter.out.workouts.FirestoreRecordedWorkouts;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.time.Clock;
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
  private final List<OutboundEvent> published = new ArrayList<>();
  private boolean transportDown;
  private final Storage storage = LocalStorageHelper.getOptions().getService();
  private ErasureRace.Markers markers;

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
    assertThat(http.apply(ErasureRace.upload(ben, ErasureRace.gpx(0))).status()).isEqualTo(202);
    assertThat(http.apply(ErasureRace.upload(anna, ErasureRace.gpx(1))).status()).isEqualTo(202);
    published.clear();
    markers.eraseRightAfterNextCheck(
        () ->
            assertThat(eraser.apply(List.of(ErasureRace.deleted(anna, "apac"))).failedMessageIds())
                .isEmpty());
    List<List<String>> atChecks = new ArrayList<>();
    markers.beforeEachCheck(() -> atChecks.add(documentsOfQuietly(anna)));

    ApiResponse overtaken = http.apply(ErasureRace.upload(anna, ErasureRace.gpx(2)));

    assertThat(atChecks).hasSize(2);
    assertThat(atChecks.get(1))
        .as("the import had written its activity after the eraser had run")
        .anyMatch(path -> path.contains("/activities/"));
    assertThat(published).as("its activity's event never left").isEmpty();
    DevicesFunctions.outboxRelay(ports.outbox(), ports.events(), ports.erased(), APAC)
        .accept(new ScheduledTick("t1", "outbox", clock.instant()));
    assertThat(published).as("nor through the relay").isEmpty();
    assertThat(documentsOf(anna)).isEmpty();
    assertThat(firestore.document("erasedAccounts/" + anna).get().get().exists()).isTrue();
    assertThat(keysUnder("originals/" + anna + "/")).isEmpty();
    assertThat(keysUnder("samples/" + anna + "/")).isEmpty();
    assertThat(overtaken.status()).isEqualTo(401);
    assertThat(documentsOf(ben)).isNotEmpty();
    assertThat(keysUnder("originals/" + ben + "/")).hasSize(1);
  }

  @Test
  void theRelay_publishesWhatAFailedPublishLeft_butClearsAnErasedAccountsEventsUnsent()
      throws Exception {
    DevicesFunctions.Ports ports = ports();
    ApiFunction http =
        DevicesFunctions.http(
            ports,
            Map.of("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])),
            VERIFIER,
            APAC,
            clock);
    String anna = "usr_" + UUID.randomUUID();
    String ben = "usr_" + UUID.randomUUID();
    transportDown = true;
    assertThat(http.apply(ErasureRace.upload(ben, ErasureRace.gpx(0))).status()).isEqualTo(202);
    assertThat(http.apply(ErasureRace.upload(anna, ErasureRace.gpx(1))).status()).isEqualTo(202);
    transportDown = false;
    // Anna's account is erased; her activity (a late write, say) waits for the sweep.
    markers.markErased(new UserId(anna), clock.instant(), clock.instant().plusSeconds(60), APAC);
    assertThat(pendingOf(ports, anna)).hasSize(1);

    // Other tests' users may have pending events too: tick until Ben's and Anna's are handled.
    for (int tick = 0;
        tick < 20 && !(pendingOf(ports, anna).isEmpty() && pendingOf(ports, ben).isEmpty());
        tick++) {
      DevicesFunctions.outboxRelay(ports.outbox(), ports.events(), ports.erased(), APAC)
          .accept(new ScheduledTick("t" + tick, "outbox", clock.instant()));
    }

    assertThat(published).extracting(OutboundEvent::subject).doesNotContain(anna);
    assertThat(published)
        .filteredOn(event -> event.subject().equals(ben))
        .extracting(OutboundEvent::type)
        .containsExactly("app.stride.activity.v1.imported");
    assertThat(pendingOf(ports, anna)).as("cleared unsent").isEmpty();
    assertThat(documentsOf(anna))
        .as("the activity is the sweep's")
        .anyMatch(path -> path.contains("/activities/"));
  }

  /** The pending events the relay would see for {@code user}. */
  private static List<String> pendingOf(DevicesFunctions.Ports ports, String user) {
    return ports.outbox().pending(1000, APAC).stream()
        .filter(pending -> pending.userId().value().equals(user))
        .map(pending -> pending.event().id())
        .toList();
  }

  private static List<String> documentsOfQuietly(String user) {
    try {
      return documentsOf(user);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private DevicesFunctions.Ports ports() {
    markers = new ErasureRace.Markers(new FirestoreErasedAccounts(firestore, APAC, clock));
    FirestoreActivityStore activities = new FirestoreActivityStore(firestore, APAC, clock);
    return new DevicesFunctions.Ports(
        activities,
        activities,
        new FirestoreImportJobStore(firestore, APAC, clock),
        new GcsObjectStore(storage, BUCKET, clock, false),
        (kind, key, body) -> {},
        event -> {
          if (transportDown) {
            throw new IllegalStateException("topic down");
          }
          published.add(event);
        },
        new FirestoreConnectionStore(firestore, APAC, clock),
        LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
        new FirestoreRecordedWorkouts(firestore, APAC),
        markers);
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
}
