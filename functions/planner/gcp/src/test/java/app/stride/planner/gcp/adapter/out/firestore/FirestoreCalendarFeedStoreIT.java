package app.stride.planner.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import app.stride.planner.application.port.in.CalendarFeedUseCase.IssuedFeed;
import app.stride.planner.application.service.CalendarFeedService;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestoreCalendarFeedStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2030-03-04T07:00:00Z");

  private static Firestore firestore;
  private static FirestoreCalendarFeedStore store;
  private static CalendarFeedService service;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    store = new FirestoreCalendarFeedStore(firestore, APAC);
    service =
        new CalendarFeedService(
            store,
            new FirestoreMyPlanStore(firestore, APAC),
            ClasspathPlanLibrary.load(),
            APAC,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @Test
  void save_createsOnlyWhenAbsent_andReplacesOnlyTheVersionRead() {
    UserId user = freshUser();
    store.save(feed(user, "h1", 1), 0, APAC);

    assertThat(store.load(user, APAC)).contains(feed(user, "h1", 1));
    assertThatThrownBy(() -> store.save(feed(user, "h2", 1), 0, APAC))
        .isInstanceOf(VersionConflictException.class);
    store.save(feed(user, "h2", 2), 1, APAC);
    assertThatThrownBy(() -> store.save(feed(user, "h3", 2), 1, APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(user, APAC)).contains(feed(user, "h2", 2));
  }

  @Test
  void delete_onlyAtTheVersionRead() {
    UserId user = freshUser();
    store.save(feed(user, "h1", 1), 0, APAC);

    assertThatThrownBy(() -> store.delete(user, 2, APAC))
        .isInstanceOf(VersionConflictException.class);
    store.delete(user, 1, APAC);

    assertThat(store.load(user, APAC)).isEmpty();
    assertThatThrownBy(() -> store.delete(user, 1, APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void lookups_areWrittenOnce_andRemovedIdempotently() {
    String hash = "h-" + UUID.randomUUID();
    UserId user = freshUser();
    store.addLookup(hash, user, NOW, APAC);

    assertThat(store.ownerOf(hash, APAC)).contains(user);
    assertThatThrownBy(() -> store.addLookup(hash, freshUser(), NOW, APAC))
        .isInstanceOf(VersionConflictException.class);
    store.removeLookup(hash, APAC);
    store.removeLookup(hash, APAC);
    assertThat(store.ownerOf(hash, APAC)).isEmpty();
  }

  @Test
  void rotate_thenRevoke_leaveNoValidOldToken_evenWhenAnOldLookupSurvives() {
    UserId user = freshUser();
    Principal caller = new Principal(user.value(), APAC, Set.of(), "jti");
    IssuedFeed first = service.issue(caller, "de");
    String firstHash = store.load(user, APAC).orElseThrow().tokenHash();

    IssuedFeed second = service.issue(caller, "en");

    assertThat(first.token()).startsWith("apac.");
    assertThat(service.read(second.token()).language()).isEqualTo("en");
    assertNotFound(first.token());
    assertThat(store.ownerOf(firstHash, APAC)).as("old lookup removed").isEmpty();
    store.addLookup(
        firstHash, user, NOW, APAC); // as if the rotation had crashed before removing it
    assertNotFound(first.token());

    service.revoke(caller);

    assertNotFound(second.token());
    assertThat(store.load(user, APAC)).isEmpty();
  }

  @Test
  void aForeignHome_isRefused() {
    assertThatThrownBy(() -> store.load(freshUser(), EU))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(421));
  }

  private static void assertNotFound(String token) {
    assertThatThrownBy(() -> service.read(token))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
  }

  private static UserId freshUser() {
    return new UserId("u-" + UUID.randomUUID());
  }

  private static CalendarFeed feed(UserId user, String hash, long version) {
    return new CalendarFeed(user, hash, "en", NOW, version);
  }
}
