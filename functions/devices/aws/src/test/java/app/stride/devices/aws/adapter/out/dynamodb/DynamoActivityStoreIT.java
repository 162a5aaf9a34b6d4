package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.NOW;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.aStream;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anActivity;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link DynamoActivityStore} against a real dynalite: layout, claims, versions, index, outbox. */
class DynamoActivityStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final UserId ANA = new UserId("ana");

  private DynamoDbClient client;
  private DynamoActivityStore store;
  private MutableClock clock;
  private String table;

  @BeforeEach
  void freshTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-devices-eu");
    clock = new MutableClock(NOW);
    store = new DynamoActivityStore(DynamoDbClients.enhanced(client), table, EU, clock);
    LocalTables.createIfMissing(store.table(), client);
  }

  @Test
  void create_thenFind_returnsTheActivity_underTheTablesKeySchema_withoutSamples() {
    Activity activity = anActivity().build();

    store.create(activity, anEvent("ana"), EU);

    assertThat(store.find(ANA, activity.id(), EU)).contains(activity);
    Map<String, AttributeValue> raw = raw("ACTIVITY#" + activity.id());
    assertThat(raw.get("sport").s()).isEqualTo("running");
    assertThat(raw.get("startKey").s())
        .isEqualTo("2026-03-14T06:30:00.000000000Z#" + activity.id());
    assertThat(raw.get("sampleCount").n()).isEqualTo("3");
    assertThat(raw.get("version").n()).isEqualTo("1");
    assertThat(raw.get("laps").l()).hasSize(2);
    assertThat(raw.keySet()).noneMatch(name -> name.toLowerCase().contains("samples"));
    assertThat(raw.keySet()).noneMatch(name -> name.equals("latitude") || name.equals("longitude"));
    TableDescription description = client.describeTable(r -> r.tableName(table)).table();
    assertThat(description.keySchema())
        .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("userId:HASH", "sk:RANGE");
    assertThat(description.localSecondaryIndexes())
        .singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("byStart"));
    assertThat(description.globalSecondaryIndexes())
        .singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("outbox"));
  }

  @Test
  void find_ofAnotherUsersActivityId_isEmpty() {
    Activity activity = anActivity().build();
    store.create(activity, anEvent("ana"), EU);

    assertThat(store.find(new UserId("mallory"), activity.id(), EU)).isEmpty();
    assertThat(
            store.findBySource(
                new UserId("mallory"), Provider.GARMIN, activity.sources().get(0).externalId(), EU))
        .isEmpty();
  }

  @Test
  void create_ofAnExistingId_conflicts() {
    Activity activity = anActivity().build();
    store.create(activity, anEvent("ana"), EU);

    assertThatThrownBy(() -> store.create(activity, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void update_atTheNextVersion_writes_andAStaleVersionConflicts() {
    Activity activity = anActivity().build();
    store.create(activity, anEvent("ana"), EU);
    Activity merged =
        activity.withSource(
            new ActivitySource(Provider.STRAVA, "9001", null, null, NOW), null, null, NOW);

    store.update(merged, anEvent("ana"), EU);

    assertThat(store.find(ANA, activity.id(), EU)).contains(merged);
    Activity stale =
        activity.withSource(
            new ActivitySource(Provider.POLAR, "p-1", null, null, NOW), null, null, NOW);
    assertThatThrownBy(() -> store.update(stale, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.findBySource(ANA, Provider.POLAR, "p-1", EU)).isEmpty();
  }

  @Test
  void dataSource_roundTrips_asItsPositionInTheSources_andARicherMergeMovesIt() {
    Activity activity = anActivity().from(Provider.GARMIN, "g-7").build();
    store.create(activity, anEvent("ana"), EU);
    ActivitySource strava = new ActivitySource(Provider.STRAVA, "s-7", null, null, NOW);
    Activity merged =
        activity.withSource(strava, anActivity().doing(Sport.HIKING).data(), aStream(), NOW);

    assertThat(raw("ACTIVITY#" + activity.id()).get("dataSourceIndex").n()).isEqualTo("0");
    store.update(merged, anEvent("ana"), EU);

    Activity read = store.find(ANA, activity.id(), EU).orElseThrow();
    assertThat(read).isEqualTo(merged);
    assertThat(read.dataSource()).isEqualTo(strava);
    assertThat(read.hasDataFrom(activity.sources().get(0))).isFalse();
    assertThat(raw("ACTIVITY#" + activity.id()).get("dataSourceIndex").n()).isEqualTo("1");
  }

  @Test
  void streamId_roundTrips_andAnUpdateThatDropsTheStreamRemovesIt() {
    Activity activity = anActivity().from(Provider.STRAVA, "s-10").build();
    store.create(activity, anEvent("ana"), EU);

    assertThat(raw("ACTIVITY#" + activity.id()).get("streamId").s())
        .isEqualTo(activity.streamId().value());
    assertThat(store.find(ANA, activity.id(), EU).orElseThrow().streamId())
        .isEqualTo(activity.streamId());

    Activity trimmed =
        activity.withUpdatedData(
            anActivity().lasting(Duration.ofMinutes(40)).data().withoutSamples(),
            null,
            NOW.plusSeconds(60));
    store.update(trimmed, anEvent("ana"), EU);

    assertThat(store.find(ANA, activity.id(), EU).orElseThrow().streamId()).isNull();
    assertThat(raw("ACTIVITY#" + activity.id())).doesNotContainKey("streamId");
  }

  @Test
  void anItemWrittenBeforeStreamIdsWereRecorded_readsWithoutOne_keepingItsSampleCount() {
    Activity activity = anActivity().from(Provider.GARMIN, "g-11").build();
    store.create(activity, anEvent("ana"), EU);
    client.updateItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        "userId", AttributeValue.fromS("ana"),
                        "sk", AttributeValue.fromS("ACTIVITY#" + activity.id())))
                .updateExpression("REMOVE streamId"));

    Activity read = store.find(ANA, activity.id(), EU).orElseThrow();

    assertThat(read.streamId()).as("its stream is at samples/<user>/<activityId>").isNull();
    assertThat(read.sampleCount()).isEqualTo(activity.sampleCount()).isPositive();
  }

  @Test
  void anItemWrittenBeforeTheDataSourceWasRecorded_readsAsComingFromItsFirstSource() {
    Activity activity = anActivity().from(Provider.GARMIN, "g-8").build();
    Activity merged =
        activity.withSource(
            new ActivitySource(Provider.STRAVA, "s-8", null, null, NOW),
            anActivity().data(),
            aStream(),
            NOW);
    store.create(activity, anEvent("ana"), EU);
    store.update(merged, anEvent("ana"), EU);
    client.updateItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        "userId", AttributeValue.fromS("ana"),
                        "sk", AttributeValue.fromS("ACTIVITY#" + activity.id())))
                .updateExpression("REMOVE dataSourceIndex"));

    Activity read = store.find(ANA, activity.id(), EU).orElseThrow();

    assertThat(read.dataSource()).isEqualTo(activity.sources().get(0));
    assertThat(read.sources()).isEqualTo(merged.sources());
  }

  @Test
  void update_replacingTheData_storesTheNewNumbers_andMovesTheActivityInTheStartIndex() {
    Instant start = Instant.parse("2026-03-14T06:30:00Z");
    Activity activity = anActivity().from(Provider.STRAVA, "s-9").startingAt(start).build();
    store.create(activity, anEvent("ana"), EU);
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

    store.update(updated, anEvent("ana"), EU);

    assertThat(store.find(ANA, activity.id(), EU)).contains(updated);
    Map<String, AttributeValue> raw = raw("ACTIVITY#" + activity.id());
    assertThat(raw.get("sport").s()).isEqualTo("hiking");
    assertThat(raw.get("elapsedMillis").n()).isEqualTo("2400000");
    assertThat(raw.get("version").n()).isEqualTo("2");
    assertThat(raw.get("startKey").s())
        .isEqualTo("2026-03-14T06:35:00.000000000Z#" + activity.id());
    assertThat(store.startingBetween(ANA, start, trimmedStart, EU)).isEmpty();
    assertThat(store.startingBetween(ANA, trimmedStart, trimmedStart.plusSeconds(1), EU))
        .extracting(Activity::id)
        .containsExactly(activity.id());
    assertThat(store.findBySource(ANA, Provider.STRAVA, "s-9", EU)).contains(updated);
  }

  @Test
  void update_ofAMissingActivity_conflicts() {
    Activity never = anActivity().build();
    Activity next =
        never.withSource(
            new ActivitySource(Provider.STRAVA, "1", null, null, NOW), null, null, NOW);

    assertThatThrownBy(() -> store.update(next, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void findBySource_findsTheActivityThroughItsClaim_andAnAddedSource() {
    Activity activity = anActivity().from(Provider.GARMIN, "g-42").build();
    store.create(activity, anEvent("ana"), EU);
    Activity merged =
        activity.withSource(
            new ActivitySource(Provider.STRAVA, "s/7#x", null, null, NOW), null, null, NOW);
    store.update(merged, anEvent("ana"), EU);

    assertThat(store.findBySource(ANA, Provider.GARMIN, "g-42", EU)).contains(merged);
    assertThat(store.findBySource(ANA, Provider.STRAVA, "s/7#x", EU)).contains(merged);
    assertThat(store.findBySource(ANA, Provider.POLAR, "g-42", EU)).isEmpty();
    assertThat(raw("SOURCE#garmin#g-42").get("claimedActivityId").s())
        .isEqualTo(activity.id().value());
  }

  @Test
  void create_withASourceAnotherActivityHas_conflicts_andStoresNothing() {
    Activity first = anActivity().from(Provider.GARMIN, "g-1").build();
    store.create(first, anEvent("ana"), EU);
    Activity second = anActivity().from(Provider.GARMIN, "g-1").build();

    assertThatThrownBy(() -> store.create(second, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.find(ANA, second.id(), EU)).isEmpty();
    assertThat(store.findBySource(ANA, Provider.GARMIN, "g-1", EU)).contains(first);
  }

  @Test
  void update_addingASourceAnotherActivityHas_conflicts() {
    Activity first = anActivity().from(Provider.STRAVA, "s-1").build();
    Activity second = anActivity().from(Provider.GARMIN, "g-2").build();
    store.create(first, anEvent("ana"), EU);
    store.create(second, anEvent("ana"), EU);
    Activity stealing =
        second.withSource(
            new ActivitySource(Provider.STRAVA, "s-1", null, null, NOW), null, null, NOW);

    assertThatThrownBy(() -> store.update(stealing, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.find(ANA, second.id(), EU)).contains(second);
    assertThat(store.findBySource(ANA, Provider.STRAVA, "s-1", EU)).contains(first);
  }

  @Test
  void aClaimWhoseActivityIsMissing_readsAsAbsent_blocksWithinTheGrace_andIsTakenOverAfter() {
    ActivityId ghost = anActivity().build().id();
    client.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "userId", AttributeValue.fromS("ana"),
                        "sk", AttributeValue.fromS("SOURCE#garmin#g-9"),
                        "claimedActivityId", AttributeValue.fromS(ghost.value()),
                        "claimedAt", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())),
                        "revision", AttributeValue.fromN("1"))));
    Activity activity = anActivity().from(Provider.GARMIN, "g-9").build();

    assertThat(store.findBySource(ANA, Provider.GARMIN, "g-9", EU)).isEmpty();
    assertThatThrownBy(() -> store.create(activity, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
    clock.advance(DynamoActivityStore.CLAIM_GRACE.plusSeconds(1));
    store.create(activity, anEvent("ana"), EU);

    assertThat(store.findBySource(ANA, Provider.GARMIN, "g-9", EU)).contains(activity);
  }

  @Test
  void startingBetween_isFromInclusive_toExclusive_newestFirst_andOnlyTheUsers() {
    Instant from = Instant.parse("2026-03-10T00:00:00Z");
    Instant to = Instant.parse("2026-03-11T00:00:00Z");
    Activity before = recordAt(from.minusSeconds(1), "ana");
    Activity atFrom = recordAt(from, "ana");
    Activity halfSecondIn = recordAt(from.plusMillis(500), "ana");
    Activity lastSecond = recordAt(to.minusSeconds(1), "ana");
    Activity atTo = recordAt(to, "ana");
    Activity others = recordAt(from.plusSeconds(60), "bob");

    List<Activity> found = store.startingBetween(ANA, from, to, EU);

    assertThat(found)
        .extracting(Activity::id)
        .containsExactly(lastSecond.id(), halfSecondIn.id(), atFrom.id())
        .doesNotContain(before.id(), atTo.id(), others.id());
    assertThat(store.startingBetween(ANA, to, from, EU)).isEmpty();
  }

  @Test
  void startingBetween_returnsAtMostTheScanLimit_theNewest() {
    Instant first = Instant.parse("2026-03-01T00:00:00Z");
    int count = ActivityStore.DEDUP_SCAN_LIMIT + 2;
    for (int i = 0; i < count; i++) {
      recordAt(first.plus(Duration.ofMinutes(i)), "ana");
    }

    List<Activity> found = store.startingBetween(ANA, first, first.plus(Duration.ofDays(1)), EU);

    assertThat(found).hasSize(ActivityStore.DEDUP_SCAN_LIMIT);
    assertThat(found.get(0).data().startTime())
        .isEqualTo(first.plus(Duration.ofMinutes(count - 1)));
    assertThat(found.get(found.size() - 1).data().startTime())
        .isEqualTo(first.plus(Duration.ofMinutes(2)));
  }

  @Test
  void pending_showsEveryRecordedEvent_acrossWrites_untilMarkedPublished() {
    Activity activity = anActivity().build();
    OutboundEvent imported = anEvent("ana");
    OutboundEvent merged = anEvent("ana");
    store.create(activity, imported, EU);
    store.update(
        activity.withSource(
            new ActivitySource(Provider.STRAVA, "s-2", null, null, NOW), null, null, NOW),
        merged,
        EU);

    assertThat(store.pending(10, EU))
        .extracting(p -> p.event().id())
        .containsExactlyInAnyOrder(imported.id(), merged.id());
    assertThat(store.pending(10, EU))
        .allSatisfy(
            p -> {
              assertThat(p.userId()).isEqualTo(ANA);
              assertThat(p.activityId()).isEqualTo(activity.id());
            });
    store.markPublished(ANA, activity.id(), imported.id(), EU);
    store.markPublished(ANA, activity.id(), merged.id(), EU);

    assertThat(store.pending(10, EU)).isEmpty();
    assertThat(raw("ACTIVITY#" + activity.id())).doesNotContainKeys("outboxShard", "outboxSince");
    assertThat(store.find(ANA, activity.id(), EU)).isPresent();
  }

  @Test
  void eraseActivities_removesEveryItemInTheUsersPartition_claimsIncluded_andNoOtherUsers() {
    UserId usr1 = new UserId("usr_1");
    UserId usr10 = new UserId("usr_10");
    Activity first = anActivity().of("usr_1").from(Provider.GARMIN, "g-1").build();
    store.create(first, anEvent("usr_1"), EU);
    store.update(
        first.withSource(
            new ActivitySource(Provider.STRAVA, "s-1", null, null, NOW), null, null, NOW),
        anEvent("usr_1"),
        EU);
    store.create(
        anActivity().of("usr_1").from(Provider.POLAR, "p-1").build(), anEvent("usr_1"), EU);
    Activity others = anActivity().of("usr_10").from(Provider.GARMIN, "g-1").build();
    OutboundEvent othersEvent = anEvent("usr_10");
    store.create(others, othersEvent, EU);
    List<Map<String, AttributeValue>> othersItems = partition("usr_10");
    assertThat(partition("usr_1")).as("2 activities, 3 source claims").hasSize(5);

    int erased = store.eraseActivities(usr1, EU);

    assertThat(erased).isEqualTo(2);
    assertThat(partition("usr_1")).isEmpty();
    assertThat(store.findBySource(usr1, Provider.GARMIN, "g-1", EU)).isEmpty();
    assertThat(store.find(usr1, first.id(), EU)).isEmpty();
    assertThat(partition("usr_10")).isEqualTo(othersItems);
    assertThat(store.find(usr10, others.id(), EU)).contains(others);
    assertThat(store.findBySource(usr10, Provider.GARMIN, "g-1", EU)).contains(others);
    assertThat(store.pending(10, EU))
        .extracting(p -> p.event().id())
        .as("the erased activities' pending events went with them")
        .containsExactly(othersEvent.id());
  }

  @Test
  void eraseActivities_again_removesNothing_andTheFreedSourceCanBeClaimedAnew() {
    UserId usr1 = new UserId("usr_1");
    store.create(
        anActivity().of("usr_1").from(Provider.GARMIN, "g-1").build(), anEvent("usr_1"), EU);
    assertThat(store.eraseActivities(usr1, EU)).isEqualTo(1);

    assertThat(store.eraseActivities(usr1, EU)).isZero();

    Activity again = anActivity().of("usr_1").from(Provider.GARMIN, "g-1").build();
    store.create(again, anEvent("usr_1"), EU);
    assertThat(store.findBySource(usr1, Provider.GARMIN, "g-1", EU)).contains(again);
  }

  @Test
  void eraseActivities_ofMoreThanAQueryPage_removesThemAll() {
    int count = PartitionEraser.PAGE + PartitionEraser.BATCH + 3;
    for (int i = 0; i < count; i++) {
      store.create(
          anActivity().of("usr_1").from(Provider.GARMIN, "g-" + i).build(), anEvent("usr_1"), EU);
    }
    assertThat(partition("usr_1")).hasSize(2 * count);

    int erased = store.eraseActivities(new UserId("usr_1"), EU);

    assertThat(erased).isEqualTo(count);
    assertThat(partition("usr_1")).isEmpty();
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() {
    Activity activity = anActivity().build();
    RegionId us = RegionId.of("us");

    assertWrongRegion(() -> store.create(activity, anEvent("ana"), us));
    assertWrongRegion(() -> store.update(activity, anEvent("ana"), us));
    assertWrongRegion(() -> store.find(ANA, activity.id(), us));
    assertWrongRegion(() -> store.findBySource(ANA, Provider.GARMIN, "x", us));
    assertWrongRegion(() -> store.startingBetween(ANA, NOW.minusSeconds(60), NOW, us));
    assertWrongRegion(() -> store.pending(10, us));
    assertWrongRegion(() -> store.markPublished(ANA, activity.id(), "e", us));
    assertWrongRegion(() -> store.eraseActivities(ANA, us));
    assertThat(store.find(ANA, activity.id(), EU)).isEmpty();
  }

  private static void assertWrongRegion(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
  }

  private Activity recordAt(Instant start, String user) {
    Activity activity = anActivity().of(user).startingAt(start).build();
    store.create(activity, anEvent(user), EU);
    return activity;
  }

  /** Every item under {@code user}'s partition key, read raw (every kind), in key order. */
  private List<Map<String, AttributeValue>> partition(String user) {
    return client
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("userId = :user")
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(user)))
                    .consistentRead(true))
        .items()
        .stream()
        .toList();
  }

  private Map<String, AttributeValue> raw(String sortKey) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            "userId", AttributeValue.fromS("ana"),
                            "sk", AttributeValue.fromS(sortKey))))
        .item();
  }
}
