package app.stride.devices.gcp.adapter.out.firestore;

import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.NOW;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.aStream;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anActivity;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityOutboxPort.PendingEvent;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.time.MutableClock;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirestoreActivityStore} against the Firestore emulator: layout, claims, versions, range
 * queries, outbox, residency. The emulator is shared and never reset, so every test has its own
 * user.
 */
class FirestoreActivityStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");

  private static Firestore firestore;
  private FirestoreActivityStore store;
  private MutableClock clock;
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
    store = new FirestoreActivityStore(firestore, APAC, clock);
    user = "u-" + UUID.randomUUID();
    userId = new UserId(user);
  }

  @Test
  void create_thenFind_returnsTheActivity_atItsDocumentPath_withoutSamples() throws Exception {
    Activity activity = anActivity().of(user).build();

    store.create(activity, anEvent(user), APAC);

    assertThat(store.find(userId, activity.id(), APAC)).contains(activity);
    DocumentSnapshot raw = raw("users/" + user + "/activities/" + activity.id());
    assertThat(raw.getString("sport")).isEqualTo("running");
    assertThat(raw.getString("startKey"))
        .isEqualTo("2026-03-14T06:30:00.000000000Z#" + activity.id());
    assertThat(raw.getLong("sampleCount")).isEqualTo(3L);
    assertThat(raw.getLong("version")).isEqualTo(1L);
    assertThat(raw.getData().keySet())
        .noneMatch(name -> name.toLowerCase().contains("samples"))
        .noneMatch(name -> name.equals("latitude") || name.equals("longitude"));
  }

  @Test
  void find_ofAnotherUsersActivityId_isEmpty() {
    Activity activity = anActivity().of(user).build();
    store.create(activity, anEvent(user), APAC);
    UserId mallory = new UserId("mallory-" + UUID.randomUUID());

    assertThat(store.find(mallory, activity.id(), APAC)).isEmpty();
    assertThat(
            store.findBySource(
                mallory, Provider.GARMIN, activity.sources().get(0).externalId(), APAC))
        .isEmpty();
  }

  @Test
  void create_ofAnExistingId_conflicts() {
    Activity activity = anActivity().of(user).build();
    store.create(activity, anEvent(user), APAC);

    assertThatThrownBy(() -> store.create(activity, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void update_atTheNextVersion_writes_andAStaleVersionConflicts() {
    Activity activity = anActivity().of(user).build();
    store.create(activity, anEvent(user), APAC);
    Activity merged = activity.withSource(source(Provider.STRAVA, "9001"), null, null, NOW);

    store.update(merged, anEvent(user), APAC);

    assertThat(store.find(userId, activity.id(), APAC)).contains(merged);
    Activity stale = activity.withSource(source(Provider.POLAR, "p-1"), null, null, NOW);
    assertThatThrownBy(() -> store.update(stale, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.findBySource(userId, Provider.POLAR, "p-1", APAC)).isEmpty();
  }

  @Test
  void dataSource_roundTrips_asItsPositionInTheSources_andARicherMergeMovesIt() throws Exception {
    Activity activity = anActivity().of(user).from(Provider.GARMIN, "g-7").build();
    store.create(activity, anEvent(user), APAC);
    ActivitySource strava = source(Provider.STRAVA, "s-7");
    Activity merged =
        activity.withSource(strava, anActivity().doing(Sport.HIKING).data(), aStream(), NOW);

    assertThat(raw(activityPath(activity)).getLong("dataSourceIndex")).isEqualTo(0L);
    store.update(merged, anEvent(user), APAC);

    Activity read = store.find(userId, activity.id(), APAC).orElseThrow();
    assertThat(read).isEqualTo(merged);
    assertThat(read.dataSource()).isEqualTo(strava);
    assertThat(read.hasDataFrom(activity.sources().get(0))).isFalse();
    assertThat(raw(activityPath(activity)).getLong("dataSourceIndex")).isEqualTo(1L);
  }

  @Test
  void streamId_roundTrips_andAnUpdateThatDropsTheStreamRemovesIt() throws Exception {
    Activity activity = anActivity().of(user).from(Provider.STRAVA, "s-10").build();
    store.create(activity, anEvent(user), APAC);

    assertThat(raw(activityPath(activity)).getString("streamId"))
        .isEqualTo(activity.streamId().value());
    assertThat(store.find(userId, activity.id(), APAC).orElseThrow().streamId())
        .isEqualTo(activity.streamId());

    Activity trimmed =
        activity.withUpdatedData(
            anActivity().lasting(Duration.ofMinutes(40)).data().withoutSamples(),
            null,
            NOW.plusSeconds(60));
    store.update(trimmed, anEvent(user), APAC);

    assertThat(store.find(userId, activity.id(), APAC).orElseThrow().streamId()).isNull();
    assertThat(raw(activityPath(activity)).contains("streamId")).isFalse();
  }

  @Test
  void aDocumentWrittenBeforeStreamIdsWereRecorded_readsWithoutOne_keepingItsSampleCount()
      throws Exception {
    Activity activity = anActivity().of(user).from(Provider.GARMIN, "g-11").build();
    store.create(activity, anEvent(user), APAC);
    firestore.document(activityPath(activity)).update("streamId", FieldValue.delete()).get();

    Activity read = store.find(userId, activity.id(), APAC).orElseThrow();

    assertThat(read.streamId()).as("its stream is at samples/<user>/<activityId>").isNull();
    assertThat(read.sampleCount()).isEqualTo(activity.sampleCount()).isPositive();
  }

  @Test
  void aDocumentWrittenBeforeTheDataSourceWasRecorded_readsAsComingFromItsFirstSource()
      throws Exception {
    Activity activity = anActivity().of(user).from(Provider.GARMIN, "g-8").build();
    Activity merged =
        activity.withSource(source(Provider.STRAVA, "s-8"), anActivity().data(), aStream(), NOW);
    store.create(activity, anEvent(user), APAC);
    store.update(merged, anEvent(user), APAC);
    firestore.document(activityPath(activity)).update("dataSourceIndex", FieldValue.delete()).get();

    Activity read = store.find(userId, activity.id(), APAC).orElseThrow();

    assertThat(read.dataSource()).isEqualTo(activity.sources().get(0));
    assertThat(read.sources()).isEqualTo(merged.sources());
  }

  @Test
  void update_replacingTheData_storesTheNewNumbers_andMovesTheActivityInStartRanges()
      throws Exception {
    Instant start = Instant.parse("2026-03-14T06:30:00Z");
    Activity activity =
        anActivity().of(user).from(Provider.STRAVA, "s-9").startingAt(start).build();
    store.create(activity, anEvent(user), APAC);
    Instant trimmedStart = start.plus(Duration.ofMinutes(5));
    Activity updated =
        activity.withUpdatedData(
            anActivity()
                .doing(Sport.HIKING)
                .startingAt(trimmedStart)
                .lasting(Duration.ofMinutes(40))
                .data(),
            aStream(),
            NOW.plusSeconds(60));

    store.update(updated, anEvent(user), APAC);

    assertThat(store.find(userId, activity.id(), APAC)).contains(updated);
    DocumentSnapshot raw = raw(activityPath(activity));
    assertThat(raw.getString("sport")).isEqualTo("hiking");
    assertThat(raw.getLong("elapsedMillis")).isEqualTo(2_400_000L);
    assertThat(raw.getLong("version")).isEqualTo(2L);
    assertThat(raw.getString("startKey"))
        .isEqualTo("2026-03-14T06:35:00.000000000Z#" + activity.id());
    assertThat(store.startingBetween(userId, start, trimmedStart, APAC)).isEmpty();
    assertThat(store.startingBetween(userId, trimmedStart, trimmedStart.plusSeconds(1), APAC))
        .extracting(Activity::id)
        .containsExactly(activity.id());
    assertThat(store.findBySource(userId, Provider.STRAVA, "s-9", APAC)).contains(updated);
  }

  @Test
  void update_ofAMissingActivity_conflicts() {
    Activity never = anActivity().of(user).build();

    assertThatThrownBy(
            () ->
                store.update(
                    never.withSource(source(Provider.STRAVA, "1"), null, null, NOW),
                    anEvent(user),
                    APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void findBySource_findsTheActivityThroughItsClaim_andAnAddedSource() throws Exception {
    Activity activity = anActivity().of(user).from(Provider.GARMIN, "g-42").build();
    store.create(activity, anEvent(user), APAC);
    Activity merged = activity.withSource(source(Provider.STRAVA, "s/7%x"), null, null, NOW);
    store.update(merged, anEvent(user), APAC);

    assertThat(store.findBySource(userId, Provider.GARMIN, "g-42", APAC)).contains(merged);
    assertThat(store.findBySource(userId, Provider.STRAVA, "s/7%x", APAC)).contains(merged);
    assertThat(store.findBySource(userId, Provider.POLAR, "g-42", APAC)).isEmpty();
    assertThat(raw("users/" + user + "/activitySources/strava:s%2F7%25x").getString("activityId"))
        .isEqualTo(activity.id().value());
  }

  @Test
  void create_withASourceAnotherActivityHas_conflicts_andStoresNothing() {
    Activity first = anActivity().of(user).from(Provider.GARMIN, "g-1").build();
    store.create(first, anEvent(user), APAC);
    Activity second = anActivity().of(user).from(Provider.GARMIN, "g-1").build();

    assertThatThrownBy(() -> store.create(second, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.find(userId, second.id(), APAC)).isEmpty();
    assertThat(store.findBySource(userId, Provider.GARMIN, "g-1", APAC)).contains(first);
  }

  @Test
  void update_addingASourceAnotherActivityHas_conflicts() {
    Activity first = anActivity().of(user).from(Provider.STRAVA, "s-1").build();
    Activity second = anActivity().of(user).from(Provider.GARMIN, "g-2").build();
    store.create(first, anEvent(user), APAC);
    store.create(second, anEvent(user), APAC);
    Activity stealing = second.withSource(source(Provider.STRAVA, "s-1"), null, null, NOW);

    assertThatThrownBy(() -> store.update(stealing, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.find(userId, second.id(), APAC)).contains(second);
    assertThat(store.findBySource(userId, Provider.STRAVA, "s-1", APAC)).contains(first);
  }

  @Test
  void aClaimWhoseActivityIsMissing_readsAsAbsent_blocksWithinTheGrace_andIsTakenOverAfter()
      throws Exception {
    ActivityId ghost = anActivity().build().id();
    firestore
        .document("users/" + user + "/activitySources/garmin:g-9")
        .create(
            Map.of(
                "activityId",
                ghost.value(),
                "claimedAt",
                Timestamp.ofTimeSecondsAndNanos(NOW.getEpochSecond(), 0)))
        .get();
    Activity activity = anActivity().of(user).from(Provider.GARMIN, "g-9").build();

    assertThat(store.findBySource(userId, Provider.GARMIN, "g-9", APAC)).isEmpty();
    assertThatThrownBy(() -> store.create(activity, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);
    clock.advance(FirestoreActivityStore.CLAIM_GRACE.plusSeconds(1));
    store.create(activity, anEvent(user), APAC);

    assertThat(store.findBySource(userId, Provider.GARMIN, "g-9", APAC)).contains(activity);
  }

  @Test
  void startingBetween_isFromInclusive_toExclusive_newestFirst_andOnlyTheUsers() {
    Instant from = Instant.parse("2026-03-10T00:00:00Z");
    Instant to = Instant.parse("2026-03-11T00:00:00Z");
    Activity before = recordAt(from.minusSeconds(1), user);
    Activity atFrom = recordAt(from, user);
    Activity halfSecondIn = recordAt(from.plusMillis(500), user);
    Activity lastSecond = recordAt(to.minusSeconds(1), user);
    Activity atTo = recordAt(to, user);
    Activity others = recordAt(from.plusSeconds(60), "bob-" + UUID.randomUUID());

    List<Activity> found = store.startingBetween(userId, from, to, APAC);

    assertThat(found)
        .extracting(Activity::id)
        .containsExactly(lastSecond.id(), halfSecondIn.id(), atFrom.id())
        .doesNotContain(before.id(), atTo.id(), others.id());
    assertThat(store.startingBetween(userId, to, from, APAC)).isEmpty();
  }

  @Test
  void startingBetween_returnsAtMostTheScanLimit_theNewest() {
    Instant first = Instant.parse("2026-03-01T00:00:00Z");
    int count = ActivityStore.DEDUP_SCAN_LIMIT + 2;
    for (int i = 0; i < count; i++) {
      recordAt(first.plus(Duration.ofMinutes(i)), user);
    }

    List<Activity> found =
        store.startingBetween(userId, first, first.plus(Duration.ofDays(1)), APAC);

    assertThat(found).hasSize(ActivityStore.DEDUP_SCAN_LIMIT);
    assertThat(found.get(0).data().startTime())
        .isEqualTo(first.plus(Duration.ofMinutes(count - 1)));
    assertThat(found.get(found.size() - 1).data().startTime())
        .isEqualTo(first.plus(Duration.ofMinutes(2)));
  }

  @Test
  void pending_showsEveryRecordedEvent_acrossWrites_untilMarkedPublished() throws Exception {
    Activity activity = anActivity().of(user).build();
    OutboundEvent imported = anEvent(user);
    OutboundEvent merged = anEvent(user);
    store.create(activity, imported, APAC);
    store.update(
        activity.withSource(source(Provider.STRAVA, "s-2"), null, null, NOW), merged, APAC);

    assertThat(pendingOfThisUser())
        .extracting(p -> p.event().id())
        .containsExactlyInAnyOrder(imported.id(), merged.id());
    assertThat(pendingOfThisUser()).allMatch(p -> p.activityId().equals(activity.id()));
    store.markPublished(userId, activity.id(), imported.id(), APAC);
    store.markPublished(userId, activity.id(), merged.id(), APAC);

    assertThat(pendingOfThisUser()).isEmpty();
    assertThat(raw("users/" + user + "/activities/" + activity.id()).getData())
        .doesNotContainKeys("outbox", "outboxSince");
    assertThat(store.find(userId, activity.id(), APAC)).isPresent();
  }

  @Test
  void eraseActivities_removesEveryDocumentOfTheUser_andNoneOfAUserWhoseIdItPrefixes()
      throws Exception {
    UserId usr1 = new UserId("usr_1");
    UserId usr10 = new UserId("usr_10");
    Activity first = anActivity().of("usr_1").from(Provider.GARMIN, "g-1").build();
    store.create(first, anEvent("usr_1"), APAC);
    Activity merged = first.withSource(source(Provider.STRAVA, "s-1"), null, null, NOW);
    store.update(merged, anEvent("usr_1"), APAC);
    store.create(
        anActivity().of("usr_1").from(Provider.POLAR, "p-1").build(), anEvent("usr_1"), APAC);
    Activity kept = anActivity().of("usr_10").from(Provider.GARMIN, "g-1").build();
    store.create(kept, anEvent("usr_10"), APAC);
    // Nested under an activity, as no layout of this store nests: a Firestore delete leaves it.
    firestore
        .document("users/usr_1/activities/" + merged.id() + "/laps/0")
        .set(Map.of("n", 0))
        .get();
    firestore
        .document("users/usr_10/activities/" + kept.id() + "/laps/0")
        .set(Map.of("n", 0))
        .get();

    int removed = store.eraseActivities(usr1, APAC);

    assertThat(removed).isEqualTo(2);
    assertThat(firestore.document("users/usr_1").listCollections()).isEmpty();
    assertThat(firestore.collection("users/usr_1/activities").listDocuments()).isEmpty();
    assertThat(firestore.collection("users/usr_1/activitySources").listDocuments()).isEmpty();
    assertThat(firestore.collection("users/usr_1/activities/" + merged.id() + "/laps").get().get())
        .isEmpty();
    assertThat(store.findBySource(usr1, Provider.GARMIN, "g-1", APAC)).isEmpty();
    assertThat(store.pending(1000, APAC)).noneMatch(p -> p.userId().equals(usr1));
    assertThat(store.find(usr10, kept.id(), APAC)).contains(kept);
    assertThat(store.findBySource(usr10, Provider.GARMIN, "g-1", APAC)).contains(kept);
    assertThat(store.pending(1000, APAC)).anyMatch(p -> p.activityId().equals(kept.id()));
    assertThat(raw("users/usr_10/activities/" + kept.id() + "/laps/0").exists()).isTrue();
  }

  @Test
  void eraseActivities_again_removesNothing_andTheFreedSourcesCanBeRecordedAgain() {
    Activity first = anActivity().of(user).from(Provider.GARMIN, "g-9").build();
    store.create(first, anEvent(user), APAC);
    assertThat(store.eraseActivities(userId, APAC)).isEqualTo(1);

    assertThat(store.eraseActivities(userId, APAC)).isZero();

    Activity again = anActivity().of(user).from(Provider.GARMIN, "g-9").build();
    store.create(again, anEvent(user), APAC);
    assertThat(store.findBySource(userId, Provider.GARMIN, "g-9", APAC)).contains(again);
  }

  @Test
  void eraseActivities_removesMoreThanOnePageOfDocuments() throws Exception {
    int count = 2 * CollectionEraser.PAGE + 1;
    for (int from = 0; from < count; from += CollectionEraser.PAGE) {
      WriteBatch batch = firestore.batch();
      for (int i = from; i < Math.min(count, from + CollectionEraser.PAGE); i++) {
        Activity activity = anActivity().of(user).build();
        batch.set(
            firestore.document(activityPath(activity)),
            ActivityDocument.fields(activity, Map.of()));
      }
      batch.commit().get();
    }

    assertThat(store.eraseActivities(userId, APAC)).isEqualTo(count);

    assertThat(firestore.collection("users/" + user + "/activities").listDocuments()).isEmpty();
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() {
    Activity activity = anActivity().of(user).build();
    RegionId eu = RegionId.of("eu");

    assertWrongRegion(() -> store.create(activity, anEvent(user), eu));
    assertWrongRegion(() -> store.update(activity, anEvent(user), eu));
    assertWrongRegion(() -> store.find(userId, activity.id(), eu));
    assertWrongRegion(() -> store.findBySource(userId, Provider.GARMIN, "x", eu));
    assertWrongRegion(() -> store.startingBetween(userId, NOW.minusSeconds(60), NOW, eu));
    assertWrongRegion(() -> store.pending(10, eu));
    assertWrongRegion(() -> store.markPublished(userId, activity.id(), "e", eu));
    assertWrongRegion(() -> store.eraseActivities(userId, eu));
    assertThat(store.find(userId, activity.id(), APAC)).isEmpty();
  }

  /** The relay's query sees every test's documents (shared emulator); keep this test's own. */
  private List<PendingEvent> pendingOfThisUser() {
    return store.pending(1000, APAC).stream().filter(p -> p.userId().equals(userId)).toList();
  }

  private static void assertWrongRegion(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
  }

  private static ActivitySource source(Provider provider, String externalId) {
    return new ActivitySource(provider, externalId, null, null, NOW);
  }

  private Activity recordAt(Instant start, String owner) {
    Activity activity = anActivity().of(owner).startingAt(start).build();
    store.create(activity, anEvent(owner), APAC);
    return activity;
  }

  private String activityPath(Activity activity) {
    return "users/" + user + "/activities/" + activity.id();
  }

  private static DocumentSnapshot raw(String path) throws Exception {
    return firestore.document(path).get().get();
  }
}
