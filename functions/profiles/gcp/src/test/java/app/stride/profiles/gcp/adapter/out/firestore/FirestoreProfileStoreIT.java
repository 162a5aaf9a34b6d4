package app.stride.profiles.gcp.adapter.out.firestore;

import static app.stride.profiles.ProfileTestData.aProfile;
import static app.stride.profiles.ProfileTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.profiles.application.port.out.ProfileOutboxPort.PendingEvent;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestoreProfileStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final RegionId EU = RegionId.of("eu");

  private static Firestore firestore;
  private static MutableClock clock;
  private static FirestoreProfileStore store;
  private static int users;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    store = new FirestoreProfileStore(firestore, APAC, clock);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  private static String freshUser() {
    return "user-" + ++users;
  }

  private static DocumentSnapshot stored(String userId) throws Exception {
    return firestore.collection(ProfileDocument.COLLECTION).document(userId).get().get();
  }

  @Test
  void create_thenLoad_returnsTheProfile() {
    String user = freshUser();
    Profile profile = aProfile().of(user).build();

    store.create(profile, anEvent("e1", user), APAC);

    assertThat(store.load(new UserId(user), APAC)).contains(profile);
  }

  @Test
  void load_ofAnUnknownUser_isEmpty() {
    assertThat(store.load(new UserId(freshUser()), APAC)).isEmpty();
  }

  @Test
  void create_whenAProfileExists_isAVersionConflictAndKeepsTheFirst() {
    String user = freshUser();
    store.create(aProfile().of(user).build(), anEvent("e1", user), APAC);

    assertThatThrownBy(
            () ->
                store.create(
                    aProfile().of(user).withDisplayName("Mallory").build(),
                    anEvent("e2", user),
                    APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(new UserId(user), APAC).orElseThrow().displayName())
        .isEqualTo("Ana Runner");
  }

  @Test
  void replace_atTheExpectedVersion_storesTheNextVersion_andKeepsOtherPendingEvents()
      throws Exception {
    String user = freshUser();
    store.create(aProfile().of(user).build(), anEvent("e1", user), APAC);
    Profile next =
        aProfile().of(user).withDisplayName("Ana B.").withGoals(null).atVersion(2).build();

    store.replace(next, 1, anEvent("e2", user), APAC);

    assertThat(store.load(new UserId(user), APAC)).contains(next);
    assertThat(stored(user).getData()).doesNotContainKey("goals");
    assertThat(outboxIds(user)).containsExactlyInAnyOrder("e1", "e2");
  }

  @Test
  void replace_atAStaleVersion_isAVersionConflictAndChangesNothing() {
    String user = freshUser();
    Profile first = aProfile().of(user).build();
    store.create(first, anEvent("e1", user), APAC);

    assertThatThrownBy(
            () ->
                store.replace(
                    aProfile().of(user).withDisplayName("x").atVersion(3).build(),
                    2,
                    anEvent("e2", user),
                    APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(new UserId(user), APAC)).contains(first);
  }

  @Test
  void replace_ofAMissingProfile_isAVersionConflict() {
    String user = freshUser();

    assertThatThrownBy(
            () ->
                store.replace(
                    aProfile().of(user).atVersion(2).build(), 1, anEvent("e", user), APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void delete_removesEveryPersonalField_leavesAMarker_thatMarkPublishedRemoves() throws Exception {
    String user = freshUser();
    store.create(aProfile().of(user).build(), anEvent("e1", user), APAC);
    store.markPublished(new UserId(user), "e1", APAC);

    store.delete(new UserId(user), 1, anEvent("e2", user), APAC);

    assertThat(store.load(new UserId(user), APAC)).isEmpty();
    assertThat(stored(user).getData())
        .containsOnlyKeys("userId", "version", "deleted", "outbox", "outboxSince");
    assertThat(stored(user).getString("userId")).isEqualTo(user);

    store.markPublished(new UserId(user), "e2", APAC);

    assertThat(stored(user).exists()).isFalse();
  }

  @Test
  void delete_atAStaleVersion_isAVersionConflictAndKeepsTheProfile() {
    String user = freshUser();
    store.create(aProfile().of(user).build(), anEvent("e1", user), APAC);

    assertThatThrownBy(() -> store.delete(new UserId(user), 7, anEvent("e2", user), APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(new UserId(user), APAC)).isPresent();
  }

  @Test
  void create_overADeleteMarker_succeeds_andKeepsTheMarkersPendingEvents() throws Exception {
    String user = freshUser();
    store.create(aProfile().of(user).build(), anEvent("e1", user), APAC);
    store.markPublished(new UserId(user), "e1", APAC);
    store.delete(new UserId(user), 1, anEvent("e2", user), APAC);
    Profile again = aProfile().of(user).withDisplayName("Ana again").build();

    store.create(again, anEvent("e3", user), APAC);

    assertThat(store.load(new UserId(user), APAC)).contains(again);
    assertThat(stored(user).getData()).doesNotContainKey("deleted");
    assertThat(outboxIds(user)).containsExactlyInAnyOrder("e2", "e3");
  }

  @Test
  void pending_listsUnpublishedEventsOldestFirst_andMarkPublishedClearsThem() throws Exception {
    FIRESTORE.server().reset(FIRESTORE.projectId());
    String older = freshUser();
    String newer = freshUser();
    clock.set(Instant.parse("2026-11-26T10:00:00Z"));
    store.create(aProfile().of(older).build(), anEvent("o1", older), APAC);
    clock.set(Instant.parse("2026-11-26T10:05:00Z"));
    store.create(aProfile().of(newer).build(), anEvent("n1", newer), APAC);
    clock.set(Instant.parse("2026-11-26T10:06:00Z"));
    store.replace(aProfile().of(older).atVersion(2).build(), 1, anEvent("o2", older), APAC);

    assertThat(store.pending(10, APAC))
        .extracting(p -> p.event().id())
        .containsExactly("o1", "o2", "n1");
    assertThat(store.pending(2, APAC)).hasSize(2);
    PendingEvent first = store.pending(1, APAC).get(0);
    assertThat(first.userId()).isEqualTo(new UserId(older));
    assertThat(new String(first.event().json(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"id\":\"o1\"");

    store.markPublished(new UserId(older), "o1", APAC);
    store.markPublished(new UserId(older), "o2", APAC);
    store.markPublished(new UserId(older), "o2", APAC);

    assertThat(store.pending(10, APAC)).extracting(p -> p.event().id()).containsExactly("n1");
    assertThat(stored(older).getData()).doesNotContainKey("outboxSince");
    assertThat(store.load(new UserId(older), APAC)).isPresent();
  }

  @Test
  void everyOperation_forAForeignHome_isRefused_andWritesNothing() throws Exception {
    String user = freshUser();
    UserId id = new UserId(user);
    Profile profile = aProfile().of(user).build();

    assertThatThrownBy(() -> store.create(profile, anEvent("e1", user), EU))
        .satisfies(FirestoreProfileStoreIT::isWrongRegion);
    assertThatThrownBy(() -> store.replace(profile, 1, anEvent("e2", user), EU))
        .satisfies(FirestoreProfileStoreIT::isWrongRegion);
    assertThatThrownBy(() -> store.delete(id, 1, anEvent("e3", user), EU))
        .satisfies(FirestoreProfileStoreIT::isWrongRegion);
    assertThatThrownBy(() -> store.load(id, EU)).satisfies(FirestoreProfileStoreIT::isWrongRegion);
    assertThatThrownBy(() -> store.markPublished(id, "e1", EU))
        .satisfies(FirestoreProfileStoreIT::isWrongRegion);
    assertThatThrownBy(() -> store.pending(10, EU))
        .satisfies(FirestoreProfileStoreIT::isWrongRegion);

    assertThat(stored(user).exists()).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static java.util.Set<String> outboxIds(String userId) throws Exception {
    return ((Map<String, Object>) stored(userId).get("outbox")).keySet();
  }

  private static void isWrongRegion(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ProblemException.class);
    assertThat(((ProblemException) thrown).problem().status()).isEqualTo(421);
  }

  /** A clock the test moves, so outbox entries get distinct times. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
