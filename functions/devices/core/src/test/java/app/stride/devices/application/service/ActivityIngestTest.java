package app.stride.devices.application.service;

import static app.stride.devices.application.service.PassedChecks.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityEvents;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How a provider's update of a recording already stored is applied, next to what a (redelivered)
 * announcement of a new recording does.
 */
class ActivityIngestTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");
  private static final Instant START = Instant.parse("2026-11-26T07:00:00Z");
  private static final ActivitySource STRAVA =
      new ActivitySource(Provider.STRAVA, "1234567", null, null, START.plusSeconds(7200));
  private static final ActivitySource GARMIN =
      new ActivitySource(Provider.GARMIN, "g-88", null, "Garmin fenix 7", START.plusSeconds(3600));

  private final MemoryStores stores = new MemoryStores();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T18:00:00Z"), ZoneOffset.UTC);
  private final ActivityIngest ingest = ingest(stores, stores);
  private final ActivityQueries queries = new ActivityQueries(stores, stores, EU);

  @Test
  void
      ingestUpdate_sportCorrectedAtTheDataSource_changesTheSport_bumpsTheVersion_andEmitsOneEvent() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA, held));

    assertThat(outcome).isEqualTo(new ActivityIngest.Outcome(id, ActivityIngest.Kind.UPDATED));
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().sport()).isEqualTo(Sport.HIKING);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.updatedAt()).isEqualTo(clock.instant());
    assertThat(stored.sources())
        .extracting(ActivitySource::provider)
        .containsExactly(Provider.STRAVA);
    assertThat(stores.events)
        .extracting(OutboundEvent::type)
        .containsExactly("imported", "updated:strava");
    assertThat(stores.published).as("published right after the write").hasSize(2);
    assertThat(stores.pending).isEmpty();
  }

  @Test
  void ingestUpdate_withTheDataAlreadyStored_writesNothing_andEmitsNoEvent() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    Activity before = queries.activity(ANNA, EU, id);

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
    assertThat(queries.activity(ANNA, EU, id)).isEqualTo(before);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_fromASourceTheDataDoesNotComeFrom_changesNothing() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 8), GARMIN, held))
            .activityId();
    assertThat(
            released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
                .kind())
        .as("fewer samples than Garmin's recording: the data stays Garmin's")
        .isEqualTo(ActivityIngest.Kind.MERGED);
    Activity merged = queries.activity(ANNA, EU, id);

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA, held));

    assertThat(outcome)
        .isEqualTo(new ActivityIngest.Outcome(id, ActivityIngest.Kind.ALREADY_KNOWN));
    assertThat(queries.activity(ANNA, EU, id)).isEqualTo(merged);
    assertThat(merged.data().sport()).isEqualTo(Sport.RUNNING);
    assertThat(stores.events)
        .extracting(OutboundEvent::type)
        .containsExactly("imported", "merged:strava");
  }

  @Test
  void aRicherMerge_makesTheNewSourceTheDataSource_whoseUpdatesThenApply() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 8), GARMIN, held));

    ActivityIngest.Outcome fromStrava =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA, held));
    ActivityIngest.Outcome fromGarmin =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.WALKING, 50, 8), GARMIN, held));

    assertThat(fromStrava.kind()).isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
    assertThat(fromGarmin.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.dataSource()).isEqualTo(GARMIN);
    assertThat(stored.data().sport()).isEqualTo(Sport.WALKING);
    assertThat(stored.version()).isEqualTo(3);
  }

  @Test
  void ingest_aRedeliveredAnnouncementOfANewRecording_changesNothing_evenWhenItsDataDiffers() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    ActivityIngest.Outcome again =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA, held));

    assertThat(again).isEqualTo(new ActivityIngest.Outcome(id, ActivityIngest.Kind.ALREADY_KNOWN));
    assertThat(queries.activity(ANNA, EU, id).data().sport()).isEqualTo(Sport.RUNNING);
    assertThat(queries.activity(ANNA, EU, id).version()).isEqualTo(1);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_ofASourceNeverStored_importsIt_asANewRecordingWould() {
    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.CREATED);
    assertThat(queries.activity(ANNA, EU, outcome.activityId()).dataSource()).isEqualTo(STRAVA);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_withANewStream_replacesTheStoredStream() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 40, 4), STRAVA, held));

    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().elapsed()).isEqualTo(Duration.ofMinutes(40));
    assertThat(stored.sampleCount()).isEqualTo(4);
    assertThat(queries.samples(stored)).hasSize(4);
  }

  @Test
  void ingestUpdate_withoutSamples_overTheSameSpan_keepsTheStoredStream() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 0), STRAVA, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().sport()).isEqualTo(Sport.HIKING);
    assertThat(stored.sampleCount()).isEqualTo(5);
    assertThat(queries.samples(stored)).hasSize(5);
    assertThat(
            released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 0), STRAVA, held))
                .kind())
        .as("the same stream-less update again")
        .isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
  }

  @Test
  void ingestUpdate_withoutSamples_ofATrimmedRecording_leavesItWithoutAStream() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    released(held -> ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 45, 0), STRAVA, held));

    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().elapsed()).isEqualTo(Duration.ofMinutes(45));
    assertThat(stored.sampleCount()).isZero();
    assertThat(stored.streamId()).isNull();
    assertThat(queries.samples(stored)).isEmpty();
    assertThat(streamKeys(id)).as("the stream no activity shows is deleted").isEmpty();
  }

  @Test
  void ingest_ofANewRecording_writesItsStreamToAKeyOfItsOwn_thatTheActivityRecords() {
    ActivityData strava = run(Sport.RUNNING, 50, 5);

    ActivityId id = released(held -> ingest.ingest(ANNA, EU, strava, STRAVA, held)).activityId();

    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.streamId()).isNotNull();
    assertThat(streamKeys(id))
        .containsExactly("samples/usr_anna/" + id + "/" + stored.streamId().value());
    assertThat(queries.samples(stored)).isEqualTo(strava.samples());
  }

  @Test
  void aRicherMerge_writesANewStreamKey_pointsTheActivityAtIt_andDeletesTheReplacedStream() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    Activity before = queries.activity(ANNA, EU, id);
    ActivityData garmin = run(Sport.RUNNING, 50, 8);

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingest(ANNA, EU, garmin, GARMIN, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.MERGED);
    Activity merged = queries.activity(ANNA, EU, id);
    assertThat(merged.streamId()).isNotNull().isNotEqualTo(before.streamId());
    assertThat(streamKeys(id)).containsExactly(SampleStreams.key(merged).orElseThrow());
    assertThat(queries.samples(merged)).isEqualTo(garmin.samples());
  }

  @Test
  void aMergeThatIsNotRicher_keepsTheStreamAndItsObject() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 8), GARMIN, held))
            .activityId();
    Activity before = queries.activity(ANNA, EU, id);

    released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held));

    Activity merged = queries.activity(ANNA, EU, id);
    assertThat(merged.streamId()).isEqualTo(before.streamId());
    assertThat(streamKeys(id)).containsExactly(SampleStreams.key(before).orElseThrow());
  }

  @Test
  void ingestUpdate_withANewStream_writesANewStreamKey_andDeletesTheReplacedStream() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    Activity before = queries.activity(ANNA, EU, id);
    ActivityData trimmed = run(Sport.RUNNING, 40, 4);

    released(held -> ingest.ingestUpdate(ANNA, EU, trimmed, STRAVA, held));

    Activity updated = queries.activity(ANNA, EU, id);
    assertThat(updated.streamId()).isNotNull().isNotEqualTo(before.streamId());
    assertThat(streamKeys(id)).containsExactly(SampleStreams.key(updated).orElseThrow());
    assertThat(queries.samples(updated)).isEqualTo(trimmed.samples());
  }

  @Test
  void ingestUpdate_losingTheRaceToARicherMerge_deletesTheStreamItWrote_andTheWinnersStays() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    ActivityData garmin = run(Sport.RUNNING, 50, 8);
    List<String> writtenByTheLoser = new ArrayList<>();
    ActivityStore racing =
        new DelegatingStore(stores) {
          private boolean raced;

          @Override
          public void update(Activity activity, OutboundEvent pending, RegionId home) {
            if (!raced) {
              raced = true;
              writtenByTheLoser.add(SampleStreams.key(activity).orElseThrow());
              // Garmin's richer recording is merged between the update's read and its write.
              released(held -> ingest.ingest(ANNA, EU, garmin, GARMIN, held));
            }
            super.update(activity, pending, home);
          }
        };

    ActivityIngest.Outcome outcome =
        released(
            held ->
                ingest(racing, stores)
                    .ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 6), STRAVA, held));

    assertThat(outcome.kind())
        .as("on the retry the data is Garmin's, which a Strava update does not change")
        .isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.dataSource()).isEqualTo(GARMIN);
    assertThat(stored.sampleCount()).isEqualTo(8);
    assertThat(queries.samples(stored)).isEqualTo(garmin.samples());
    assertThat(writtenByTheLoser).hasSize(1);
    assertThat(stores.objects).doesNotContainKey(writtenByTheLoser.get(0));
    assertThat(streamKeys(id)).containsExactly(SampleStreams.key(stored).orElseThrow());
  }

  @Test
  void ingest_whoseCreateConflicts_deletesTheStreamItWrote_andTheRetryStoresAnother() {
    List<String> refused = new ArrayList<>();
    ActivityStore conflicting =
        new DelegatingStore(stores) {
          @Override
          public void create(Activity activity, OutboundEvent pending, RegionId home) {
            if (refused.isEmpty()) {
              refused.add(SampleStreams.key(activity).orElseThrow());
              throw new VersionConflictException("exists");
            }
            super.create(activity, pending, home);
          }
        };

    ActivityId id =
        released(
                held ->
                    ingest(conflicting, stores)
                        .ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();

    assertThat(stores.objects).doesNotContainKey(refused.get(0));
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stores.objects.keySet())
        .filteredOn(k -> k.startsWith("samples/"))
        .containsExactly(SampleStreams.key(stored).orElseThrow());
  }

  @Test
  void ingestUpdate_whenDeletingTheReplacedStreamFails_stillUpdates_andLeavesTheOldObject() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    String oldKey = SampleStreams.key(queries.activity(ANNA, EU, id)).orElseThrow();
    ActivityData trimmed = run(Sport.RUNNING, 40, 4);

    ActivityIngest.Outcome outcome =
        released(held -> ingestDeletingNothing().ingestUpdate(ANNA, EU, trimmed, STRAVA, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity updated = queries.activity(ANNA, EU, id);
    assertThat(queries.samples(updated)).isEqualTo(trimmed.samples());
    assertThat(streamKeys(id))
        .containsExactlyInAnyOrder(oldKey, SampleStreams.key(updated).orElseThrow());
    assertThat(stores.published).as("the event is still published").hasSize(2);
  }

  @Test
  void anActivityStoredWithoutAStreamId_readsItsStreamAtTheOldKey_andAnUpdateMovesItToANewKey() {
    ActivityId id = ActivityId.next(START, new Random(9));
    ActivityData strava = run(Sport.RUNNING, 50, 5);
    Activity legacy =
        new Activity(
            id, ANNA, strava.withoutSamples(), 5, null, List.of(STRAVA), STRAVA, 1, START, START);
    stores.create(legacy, stores.imported(legacy), EU);
    stores.put(
        "samples/usr_anna/" + id, SampleStreams.encode(strava.samples()), "application/json");

    assertThat(SampleStreams.key(legacy)).contains("samples/usr_anna/" + id);
    assertThat(queries.samples(queries.activity(ANNA, EU, id))).isEqualTo(strava.samples());

    ActivityData trimmed = run(Sport.RUNNING, 40, 4);
    released(held -> ingest.ingestUpdate(ANNA, EU, trimmed, STRAVA, held));

    Activity updated = queries.activity(ANNA, EU, id);
    assertThat(updated.streamId()).isNotNull();
    assertThat(queries.samples(updated)).isEqualTo(trimmed.samples());
    assertThat(streamKeys(id)).containsExactly(SampleStreams.key(updated).orElseThrow());
  }

  @Test
  void ingestUpdate_racingAnotherWriteOfTheActivity_readsItAgain_andApplies() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    ActivitySource polar = new ActivitySource(Provider.POLAR, "p-1", null, null, START);
    ActivityStore racing =
        new DelegatingStore(stores) {
          private boolean raced;

          @Override
          public void update(Activity activity, OutboundEvent pending, RegionId home) {
            if (!raced) {
              raced = true;
              Activity merged =
                  stores
                      .find(ANNA, id, EU)
                      .orElseThrow()
                      .withSource(polar, null, null, clock.instant());
              stores.update(merged, stores.merged(merged, Provider.POLAR), home);
            }
            super.update(activity, pending, home);
          }
        };

    ActivityIngest.Outcome outcome =
        released(
            held ->
                ingest(racing, stores)
                    .ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.data().sport()).isEqualTo(Sport.HIKING);
    assertThat(stored.sources())
        .extracting(ActivitySource::provider)
        .containsExactly(Provider.STRAVA, Provider.POLAR);
  }

  @Test
  void ingestUpdate_whoseEventCannotBeBuilt_writesNothing() {
    ActivityId id =
        released(held -> ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA, held))
            .activityId();
    Activity before = queries.activity(ANNA, EU, id);
    byte[] stream = stores.objects.get(SampleStreams.key(before).orElseThrow()).clone();
    ActivityEvents refusing =
        new ActivityEvents() {
          @Override
          public OutboundEvent imported(Activity activity) {
            return stores.imported(activity);
          }

          @Override
          public OutboundEvent merged(Activity activity, Provider added) {
            return stores.merged(activity, added);
          }

          @Override
          public OutboundEvent updated(Activity activity, Provider updated) {
            throw new IllegalArgumentException("not a valid event");
          }
        };

    assertThatThrownBy(
            () ->
                released(
                    held ->
                        ingest(stores, refusing)
                            .ingestUpdate(ANNA, EU, run(Sport.HIKING, 40, 4), STRAVA, held)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(queries.activity(ANNA, EU, id)).isEqualTo(before);
    assertThat(stores.objects.get(SampleStreams.key(before).orElseThrow())).isEqualTo(stream);
    assertThat(streamKeys(id)).as("no stream written").hasSize(1);
    assertThat(stores.events).hasSize(1);
  }

  private ActivityIngest ingest(ActivityStore store, ActivityEvents events) {
    return new ActivityIngest(store, stores, events, stores, stores::publish, clock, new Random(5));
  }

  /** An ingest over {@link #stores} whose bucket refuses every deletion. */
  private ActivityIngest ingestDeletingNothing() {
    ObjectStore undeletable =
        new ObjectStore() {
          @Override
          public void put(String key, byte[] bytes, String contentType) {
            stores.put(key, bytes, contentType);
          }

          @Override
          public Optional<byte[]> get(String key) {
            return stores.get(key);
          }

          @Override
          public void delete(String key) {
            throw new StoreUnavailableException("the bucket", new IOException("timed out"));
          }

          @Override
          public int deleteUnder(String prefix) {
            throw new StoreUnavailableException("the bucket", new IOException("timed out"));
          }
        };
    return new ActivityIngest(
        stores, undeletable, stores, stores, stores::publish, clock, new Random(5));
  }

  /** The keys of the stream objects in the bucket under activity {@code id} of Anna. */
  private List<String> streamKeys(ActivityId id) {
    String legacy = "samples/usr_anna/" + id;
    return stores.objects.keySet().stream()
        .filter(k -> k.equals(legacy) || k.startsWith(legacy + "/"))
        .toList();
  }

  /** A run from {@link #START} of {@code minutes}, with {@code samples} samples a minute apart. */
  private static ActivityData run(Sport sport, int minutes, int samples) {
    List<Sample> stream = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      stream.add(
          new Sample(
              START.plusSeconds(60L * i),
              52.5 + i * 1e-4,
              13.4,
              34.0,
              140,
              170,
              null,
              3.0,
              i * 180.0));
    }
    return new ActivityData(
        sport,
        START,
        ZoneOffset.ofHours(1),
        Duration.ofMinutes(minutes),
        Duration.ofMinutes(minutes),
        10_000.0,
        40.0,
        SummaryStats.NONE,
        List.of(),
        stream,
        null);
  }

  /** Passes every call to the in-memory store; tests override what they race. */
  private static class DelegatingStore implements ActivityStore {
    private final ActivityStore delegate;

    DelegatingStore(ActivityStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Activity> find(UserId userId, ActivityId id, RegionId home) {
      return delegate.find(userId, id, home);
    }

    @Override
    public List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
      return delegate.startingBetween(userId, from, to, home);
    }

    @Override
    public Optional<Activity> findBySource(
        UserId userId, Provider provider, String externalId, RegionId home) {
      return delegate.findBySource(userId, provider, externalId, home);
    }

    @Override
    public void create(Activity activity, OutboundEvent pending, RegionId home) {
      delegate.create(activity, pending, home);
    }

    @Override
    public void update(Activity activity, OutboundEvent pending, RegionId home) {
      delegate.update(activity, pending, home);
    }

    @Override
    public int eraseActivities(UserId userId, RegionId home) {
      return delegate.eraseActivities(userId, home);
    }
  }
}
