package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ActivityEvents;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
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
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();

    ActivityIngest.Outcome outcome =
        ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA);

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
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();
    Activity before = queries.activity(ANNA, EU, id);

    ActivityIngest.Outcome outcome =
        ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA);

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
    assertThat(queries.activity(ANNA, EU, id)).isEqualTo(before);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_fromASourceTheDataDoesNotComeFrom_changesNothing() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 8), GARMIN).activityId();
    assertThat(ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).kind())
        .as("fewer samples than Garmin's recording: the data stays Garmin's")
        .isEqualTo(ActivityIngest.Kind.MERGED);
    Activity merged = queries.activity(ANNA, EU, id);

    ActivityIngest.Outcome outcome =
        ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA);

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
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();
    ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 8), GARMIN);

    ActivityIngest.Outcome fromStrava =
        ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA);
    ActivityIngest.Outcome fromGarmin =
        ingest.ingestUpdate(ANNA, EU, run(Sport.WALKING, 50, 8), GARMIN);

    assertThat(fromStrava.kind()).isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
    assertThat(fromGarmin.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.dataSource()).isEqualTo(GARMIN);
    assertThat(stored.data().sport()).isEqualTo(Sport.WALKING);
    assertThat(stored.version()).isEqualTo(3);
  }

  @Test
  void ingest_aRedeliveredAnnouncementOfANewRecording_changesNothing_evenWhenItsDataDiffers() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();

    ActivityIngest.Outcome again = ingest.ingest(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA);

    assertThat(again).isEqualTo(new ActivityIngest.Outcome(id, ActivityIngest.Kind.ALREADY_KNOWN));
    assertThat(queries.activity(ANNA, EU, id).data().sport()).isEqualTo(Sport.RUNNING);
    assertThat(queries.activity(ANNA, EU, id).version()).isEqualTo(1);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_ofASourceNeverStored_importsIt_asANewRecordingWould() {
    ActivityIngest.Outcome outcome =
        ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA);

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.CREATED);
    assertThat(queries.activity(ANNA, EU, outcome.activityId()).dataSource()).isEqualTo(STRAVA);
    assertThat(stores.events).extracting(OutboundEvent::type).containsExactly("imported");
  }

  @Test
  void ingestUpdate_withANewStream_replacesTheStoredStream() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();

    ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 40, 4), STRAVA);

    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().elapsed()).isEqualTo(Duration.ofMinutes(40));
    assertThat(stored.sampleCount()).isEqualTo(4);
    assertThat(queries.samples(stored)).hasSize(4);
  }

  @Test
  void ingestUpdate_withoutSamples_overTheSameSpan_keepsTheStoredStream() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();

    ActivityIngest.Outcome outcome =
        ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 0), STRAVA);

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.UPDATED);
    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().sport()).isEqualTo(Sport.HIKING);
    assertThat(stored.sampleCount()).isEqualTo(5);
    assertThat(queries.samples(stored)).hasSize(5);
    assertThat(ingest.ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 0), STRAVA).kind())
        .as("the same stream-less update again")
        .isEqualTo(ActivityIngest.Kind.ALREADY_KNOWN);
  }

  @Test
  void ingestUpdate_withoutSamples_ofATrimmedRecording_leavesItWithoutAStream() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();

    ingest.ingestUpdate(ANNA, EU, run(Sport.RUNNING, 45, 0), STRAVA);

    Activity stored = queries.activity(ANNA, EU, id);
    assertThat(stored.data().elapsed()).isEqualTo(Duration.ofMinutes(45));
    assertThat(stored.sampleCount()).isZero();
    assertThat(queries.samples(stored)).isEmpty();
  }

  @Test
  void ingestUpdate_racingAnotherWriteOfTheActivity_readsItAgain_andApplies() {
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();
    ActivitySource polar = new ActivitySource(Provider.POLAR, "p-1", null, null, START);
    ActivityStore racing =
        new DelegatingStore(stores) {
          private boolean raced;

          @Override
          public void update(Activity activity, OutboundEvent pending, RegionId home) {
            if (!raced) {
              raced = true;
              Activity merged =
                  stores.find(ANNA, id, EU).orElseThrow().withSource(polar, null, clock.instant());
              stores.update(merged, stores.merged(merged, Provider.POLAR), home);
            }
            super.update(activity, pending, home);
          }
        };

    ActivityIngest.Outcome outcome =
        ingest(racing, stores).ingestUpdate(ANNA, EU, run(Sport.HIKING, 50, 5), STRAVA);

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
    ActivityId id = ingest.ingest(ANNA, EU, run(Sport.RUNNING, 50, 5), STRAVA).activityId();
    Activity before = queries.activity(ANNA, EU, id);
    byte[] stream = stores.objects.get(ActivityIngest.samplesKey(ANNA, id)).clone();
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
            () -> ingest(stores, refusing).ingestUpdate(ANNA, EU, run(Sport.HIKING, 40, 4), STRAVA))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(queries.activity(ANNA, EU, id)).isEqualTo(before);
    assertThat(stores.objects.get(ActivityIngest.samplesKey(ANNA, id))).isEqualTo(stream);
    assertThat(stores.events).hasSize(1);
  }

  private ActivityIngest ingest(ActivityStore store, ActivityEvents events) {
    return new ActivityIngest(store, stores, events, stores, stores::publish, clock, new Random(5));
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
  }
}
