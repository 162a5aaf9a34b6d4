package app.stride.devices.gcp.adapter.out.firestore;

import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.NOW;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.aSha256;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anActivity;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anEvent;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anImport;
import static app.stride.devices.gcp.adapter.out.firestore.ConnectionTestData.aConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.time.MutableClock;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirestoreErasedAccounts} against the Firestore emulator: the marker's document and expiry,
 * and the erasure of the user's documents leaving it in place.
 */
class FirestoreErasedAccountsIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");

  private static Firestore firestore;
  private MutableClock clock;
  private FirestoreErasedAccounts erased;
  private String user;
  private UserId userId;

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

  @BeforeEach
  void freshUser() {
    clock = new MutableClock(NOW);
    erased = new FirestoreErasedAccounts(firestore, APAC, clock);
    user = "u-" + UUID.randomUUID();
    userId = new UserId(user);
  }

  @Test
  void markErased_thenIsErased_andTheDocumentHoldsOnlyTheTimeAndTheTtl() throws Exception {
    erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), APAC);

    assertThat(erased.isErased(userId, APAC)).isTrue();
    DocumentSnapshot raw = raw("erasedAccounts/" + user);
    assertThat(raw.getData()).containsOnlyKeys("erasedAt", "expiresAt");
    assertThat(raw.getTimestamp("erasedAt"))
        .isEqualTo(Timestamp.ofTimeSecondsAndNanos(NOW.getEpochSecond(), 0));
    assertThat(raw.getTimestamp("expiresAt"))
        .as("a timestamp, the TTL policy's field, 15 days on")
        .isEqualTo(
            Timestamp.ofTimeSecondsAndNanos(NOW.plus(Duration.ofDays(15)).getEpochSecond(), 0));
  }

  @Test
  void isErased_isFalse_forAnUnmarkedUser_andForAnotherUsersMarker() {
    erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), APAC);

    assertThat(erased.isErased(new UserId(user + "0"), APAC)).isFalse();
    assertThat(erased.isErased(new UserId("u-" + UUID.randomUUID()), APAC)).isFalse();
  }

  @Test
  void aMarkerPastItsExpiry_readsAsAbsent_beforeTheTtlRemovesIt() throws Exception {
    erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), APAC);

    clock.advance(ErasedAccounts.KEPT.plusSeconds(1));

    assertThat(erased.isErased(userId, APAC)).isFalse();
    assertThat(raw("erasedAccounts/" + user).exists()).isTrue();
  }

  @Test
  void markErased_again_rewritesTheMarker() throws Exception {
    erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), APAC);
    Instant later = NOW.plus(Duration.ofMinutes(5));

    erased.markErased(userId, later, later.plus(ErasedAccounts.KEPT), APAC);

    assertThat(erased.isErased(userId, APAC)).isTrue();
    assertThat(raw("erasedAccounts/" + user).getTimestamp("erasedAt"))
        .isEqualTo(Timestamp.ofTimeSecondsAndNanos(later.getEpochSecond(), 0));
  }

  @Test
  void erasingTheUsersDocuments_leavesTheMarkerInPlace() {
    FirestoreActivityStore activities = new FirestoreActivityStore(firestore, APAC, clock);
    FirestoreImportJobStore imports = new FirestoreImportJobStore(firestore, APAC, clock);
    FirestoreConnectionStore connections = new FirestoreConnectionStore(firestore, APAC, clock);
    activities.create(
        anActivity().of(user).from(Provider.POLAR, "p-1").build(), anEvent(user), APAC);
    imports.create(anImport(user, aSha256(), NOW), APAC);
    connections.save(aConnection(user, Provider.STRAVA, "athlete-" + user).build(), APAC);
    erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), APAC);

    assertThat(activities.eraseActivities(userId, APAC)).isEqualTo(1);
    assertThat(imports.eraseImports(userId, APAC)).isEqualTo(1);
    assertThat(connections.delete(userId, Provider.STRAVA, APAC)).isPresent();

    assertThat(erased.isErased(userId, APAC)).isTrue();
  }

  @Test
  void erasedSince_listsTheMarkersFromThatTimeOn_newestFirst_upToTheLimit_withoutExpiredOnes() {
    // A time of this test's own, so the other tests' markers (at NOW) stay out of its window.
    Instant base = NOW.plus(Duration.ofDays(400));
    clock = new MutableClock(base);
    erased = new FirestoreErasedAccounts(firestore, APAC, clock);
    UserId old = marked(base.minus(Duration.ofMinutes(61)), base.plus(ErasedAccounts.KEPT));
    UserId edge = marked(base.minus(Duration.ofMinutes(60)), base.plus(ErasedAccounts.KEPT));
    UserId newest = marked(base.minus(Duration.ofMinutes(5)), base.plus(ErasedAccounts.KEPT));
    UserId middle = marked(base.minus(Duration.ofMinutes(30)), base.plus(ErasedAccounts.KEPT));
    UserId expired = marked(base.minus(Duration.ofMinutes(20)), base.minusSeconds(1));
    Instant since = base.minus(Duration.ofHours(1));

    assertThat(erased.erasedSince(since, 10)).containsExactly(newest, middle, edge);
    assertThat(erased.erasedSince(since, 2)).containsExactly(newest, middle);
    assertThat(erased.erasedSince(since, 10)).doesNotContain(old, expired);
    assertThatThrownBy(() -> erased.erasedSince(since, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void erasedSince_pagesThroughMoreMarkersThanAPage() {
    Instant base = NOW.plus(Duration.ofDays(800));
    clock = new MutableClock(base);
    erased = new FirestoreErasedAccounts(firestore, APAC, clock);
    List<UserId> marked = new ArrayList<>();
    for (int i = 0; i < FirestoreErasedAccounts.PAGE + 20; i++) {
      marked.add(0, marked(base.plusMillis(i), base.plus(ErasedAccounts.KEPT)));
    }

    assertThat(erased.erasedSince(base, 1_000)).containsExactlyElementsOf(marked);
    assertThat(erased.erasedSince(base, FirestoreErasedAccounts.PAGE + 5))
        .containsExactlyElementsOf(marked.subList(0, FirestoreErasedAccounts.PAGE + 5));
  }

  private UserId marked(Instant erasedAt, Instant expiresAt) {
    UserId marked = new UserId("u-" + UUID.randomUUID());
    erased.markErased(marked, erasedAt, expiresAt, APAC);
    return marked;
  }

  @Test
  void aMarkOrAReadForAnotherRegion_isRefused() {
    RegionId eu = RegionId.of("eu");

    assertThatThrownBy(() -> erased.markErased(userId, NOW, NOW.plus(ErasedAccounts.KEPT), eu))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> erased.isErased(userId, eu)).isInstanceOf(ProblemException.class);
  }

  private static DocumentSnapshot raw(String path) throws Exception {
    return firestore.document(path).get().get();
  }
}
