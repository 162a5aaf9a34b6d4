package app.stride.devices.application.service;

import static app.stride.devices.application.service.PassedChecks.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");
  private static final UserId BEN = new UserId("usr_ben");
  private static final Instant START = Instant.parse("2026-09-27T07:15:00Z");

  private final MemoryStores stores = new MemoryStores();
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final Clock clock = Clock.fixed(Instant.parse("2026-09-27T12:00:00Z"), ZoneOffset.UTC);
  private final ActivityIngest ingest =
      new ActivityIngest(stores, stores, stores, stores, stores::publish, clock, new Random(7));
  private int decodes;
  private final ActivityDecoder decoder =
      (mediaType, body) -> {
        decodes++;
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("bad")) {
          throw new ActivityDecoder.Rejected(
              new ImportFailure("truncated-file", "The file ends early."));
        }
        List<ActivityData> out = new ArrayList<>();
        for (String part : text.split(";")) {
          String[] f = part.split(":");
          out.add(run(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        return out;
      };
  private final UserDataEraser eraser = TestErasers.over(stores, erased, EU, clock);
  private final ImportService service =
      new ImportService(stores, stores, decoder, ingest, eraser, EU, clock, new Random(11));
  private final ActivityQueries queries = new ActivityQueries(stores, stores, EU);

  @Test
  void importFile_keepsTheOriginal_storesTheActivity_andItsSamplesApart() {
    ImportJob job = upload(ANNA, "0:1800:5000");

    assertThat(job.status()).isEqualTo(ImportStatus.DONE);
    assertThat(stores.objects.get(job.originalKey()))
        .isEqualTo("0:1800:5000".getBytes(StandardCharsets.UTF_8));
    Activity activity = queries.activity(ANNA, EU, job.activityIds().get(0));
    assertThat(activity.data().distanceMeters()).isEqualTo(5000.0);
    assertThat(activity.data().samples()).isEmpty();
    assertThat(activity.sampleCount()).isEqualTo(4);
    assertThat(queries.samples(activity))
        .extracting(Sample::heartRate)
        .containsExactly(140, 141, 142, 143);
    assertThat(stores.events).extracting(e -> e.type()).containsExactly("imported");
    assertThat(stores.published).as("published right after the write").hasSize(1);
    assertThat(stores.pending).as("and cleared from the outbox").isEmpty();
  }

  @Test
  void importFile_ofAnErasedAccount_isRefusedAs401_andStoresNothing() {
    erased.markers.put(ANNA, Instant.MAX);

    assertThatThrownBy(() -> upload(ANNA, "0:1800:5000"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(401);
              assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHORIZED.uri());
            });

    assertThat(stores.objects).isEmpty();
    assertThat(stores.jobs).isEmpty();
    assertThat(stores.activities).isEmpty();
    assertThat(decodes).isZero();
  }

  @Test
  void importFile_overtakenByTheErasure_erasesWhatItStored_andIsRefusedAs401() {
    ImportJob bens = upload(BEN, "0:600:2000");
    // The eraser runs to its end between the upload's first check and its writes: it finds
    // nothing of Anna's, so only the upload's own second check can find what it stored.
    erased.eraseRightAfterFirstCheck(() -> eraser.erase("ev-1", ANNA, EU));

    assertThatThrownBy(() -> upload(ANNA, "0:1800:5000"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHORIZED.uri()));

    assertThat(decodes).as("the file was imported before the second check").isEqualTo(2);
    assertThat(stores.jobs.values()).extracting(ImportJob::userId).containsOnly(BEN);
    assertThat(stores.activities.values()).extracting(Activity::userId).containsOnly(BEN);
    assertThat(stores.objects.keySet()).allMatch(key -> key.contains("/usr_ben/"));
    assertThat(stores.objects).containsKey(bens.originalKey());
    assertThat(stores.published)
        .as("the erased account's activity event never left; Ben's did")
        .extracting(OutboundEvent::subject)
        .containsExactly(BEN.value());
  }

  @Test
  void importFile_ofAnotherUser_isNotRefused_byAnErasedAccountsMarker() {
    erased.markers.put(BEN, Instant.MAX);

    ImportJob job = upload(ANNA, "0:1800:5000");

    assertThat(job.status()).isEqualTo(ImportStatus.DONE);
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void aFailingPublisher_leavesTheEventInTheOutbox_andTheImportSucceeds() {
    ImportService service = serviceWithTransportDown();

    ImportJob job = upload(service, ANNA, "0:60:200");

    assertThat(job.status()).isEqualTo(ImportStatus.DONE);
    assertThat(stores.pending).hasSize(1);
    assertThat(stores.published).isEmpty();
  }

  @Test
  void theRelay_publishesWhatAFailedPublishLeft_once() {
    upload(serviceWithTransportDown(), ANNA, "0:60:200");
    ActivityOutboxRelay relay = new ActivityOutboxRelay(stores, stores::publish, erased, EU);

    relay.accept(tick("t1"));
    relay.accept(tick("t2"));

    assertThat(stores.published).extracting(OutboundEvent::subject).containsExactly(ANNA.value());
    assertThat(stores.pending).isEmpty();
  }

  @Test
  void theRelay_neverPublishesTheEventsOfAnErasedAccount_andClearsThem() {
    ImportService transportDown = serviceWithTransportDown();
    upload(transportDown, ANNA, "0:60:200;7200:60:200");
    upload(transportDown, BEN, "0:60:200");
    // Anna's account was erased; her activities (a late write) wait for the sweep.
    erased.markers.put(ANNA, Instant.MAX);
    ActivityOutboxRelay relay = new ActivityOutboxRelay(stores, stores::publish, erased, EU);
    int checksBefore = erased.checks;

    relay.accept(tick("t1"));

    assertThat(stores.published).extracting(OutboundEvent::subject).containsExactly(BEN.value());
    assertThat(stores.pending).as("Anna's events are cleared, unsent").isEmpty();
    assertThat(erased.checks - checksBefore)
        .as("one marker read per account and tick")
        .isEqualTo(2);
    relay.accept(tick("t2"));
    assertThat(stores.published).hasSize(1);
  }

  @Test
  void theRelay_withTheMarkersUnreadable_publishesNothing_andKeepsEverythingPending() {
    upload(serviceWithTransportDown(), ANNA, "0:60:200");
    erased.unavailable = new StoreUnavailableException("erasedAccounts", null);
    ActivityOutboxRelay relay = new ActivityOutboxRelay(stores, stores::publish, erased, EU);

    assertThatThrownBy(() -> relay.accept(tick("t1"))).isSameAs(erased.unavailable);

    assertThat(stores.published).isEmpty();
    assertThat(stores.pending).hasSize(1);
  }

  private ImportService serviceWithTransportDown() {
    ActivityIngest failing =
        new ActivityIngest(
            stores,
            stores,
            stores,
            stores,
            event -> {
              throw new IllegalStateException("queue down");
            },
            clock,
            new Random(7));
    return new ImportService(stores, stores, decoder, failing, eraser, EU, clock, new Random(3));
  }

  private static ImportJob upload(ImportService service, UserId user, String content) {
    return service.importFile(
        user, EU, Provider.UPLOAD, "application/fit", content.getBytes(StandardCharsets.UTF_8));
  }

  private ScheduledTick tick(String id) {
    return new ScheduledTick(id, "devices-outbox", clock.instant());
  }

  @Test
  void importFile_sameFileTwice_answersTheFirstImport_andImportsOnce() {
    ImportJob first = upload(ANNA, "0:1800:5000");
    ImportJob second = upload(ANNA, "0:1800:5000");

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(stores.activities).hasSize(1);
    assertThat(stores.objects.keySet().stream().filter(k -> k.startsWith("originals/"))).hasSize(1);
    assertThat(decodes).isEqualTo(1);
  }

  @Test
  void importFile_leftProcessingByACrash_isFinishedByTheRetry_withoutADuplicate() {
    ImportJob first = upload(ANNA, "0:1800:5000");
    stores.update(
        new ImportJob(
            first.id(),
            ANNA,
            Provider.UPLOAD,
            first.format(),
            first.originalKey(),
            first.sha256(),
            first.size(),
            ImportStatus.PROCESSING,
            List.of(),
            null,
            first.createdAt(),
            first.updatedAt()),
        EU);

    ImportJob retried = upload(ANNA, "0:1800:5000");

    assertThat(retried.status()).isEqualTo(ImportStatus.DONE);
    assertThat(retried.activityIds()).isEqualTo(first.activityIds());
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void importFile_ofAFileAnnouncedForUpload_takesTheseBytesAsItsUpload() {
    byte[] body = "0:1800:5000".getBytes(StandardCharsets.UTF_8);
    ImportJob announced =
        ImportJob.awaitingUpload(
            ImportId.next(clock.instant(), new Random(2)),
            ANNA,
            "application/fit",
            "originals/usr_anna/announced",
            ImportService.sha256(body),
            body.length,
            clock.instant());
    stores.create(announced, EU);

    ImportJob job = upload(ANNA, "0:1800:5000");

    assertThat(job.id()).isEqualTo(announced.id());
    assertThat(job.status()).isEqualTo(ImportStatus.DONE);
    assertThat(stores.objects.get("originals/usr_anna/announced")).isEqualTo(body);
    assertThat(stores.jobs).hasSize(1);
  }

  @Test
  void importFile_rejectedFile_failsWithItsReason_andCreatesNoActivity() {
    ImportJob job = upload(ANNA, "bad file");

    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(job.failure().code()).isEqualTo("truncated-file");
    assertThat(stores.activities).isEmpty();
    assertThat(stores.events).isEmpty();
    assertThat(service.status(ANNA, EU, job.id()).status()).isEqualTo(ImportStatus.FAILED);
  }

  @Test
  void ingest_sameWorkoutFromASecondSource_mergesIntoOneActivity_withBothSources() {
    ImportJob file = upload(ANNA, "0:1800:5000");
    ActivitySource strava =
        new ActivitySource(Provider.STRAVA, "123456789", null, null, clock.instant());

    ActivityIngest.Outcome outcome =
        released(held -> ingest.ingest(ANNA, EU, run(20, 1790, 4980, 0), strava, held));

    assertThat(outcome.kind()).isEqualTo(ActivityIngest.Kind.MERGED);
    assertThat(outcome.activityId()).isEqualTo(file.activityIds().get(0));
    Activity merged = queries.activity(ANNA, EU, outcome.activityId());
    assertThat(merged.sources())
        .extracting(ActivitySource::provider)
        .containsExactly(Provider.UPLOAD, Provider.STRAVA);
    assertThat(merged.version()).isEqualTo(2);
    assertThat(merged.sampleCount()).as("the richer recording is kept").isEqualTo(4);
    assertThat(stores.events)
        .extracting(e -> e.type())
        .containsExactly("imported", "merged:strava");
  }

  @Test
  void ingest_theSameSourceAgain_changesNothing() {
    ActivitySource strava =
        new ActivitySource(Provider.STRAVA, "123456789", null, null, clock.instant());
    ActivityIngest.Outcome first =
        released(held -> ingest.ingest(ANNA, EU, run(0, 1800, 5000, 0), strava, held));

    ActivityIngest.Outcome again =
        released(held -> ingest.ingest(ANNA, EU, run(0, 1800, 5000, 0), strava, held));

    assertThat(again)
        .isEqualTo(
            new ActivityIngest.Outcome(first.activityId(), ActivityIngest.Kind.ALREADY_KNOWN));
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void ingest_differentWorkoutsTheSameMorning_stayApart() {
    upload(ANNA, "0:1800:5000");
    ActivitySource strava = new ActivitySource(Provider.STRAVA, "987", null, null, clock.instant());

    ActivityIngest.Outcome later =
        released(held -> ingest.ingest(ANNA, EU, run(3600, 1800, 5000, 0), strava, held));
    ActivityIngest.Outcome longer =
        released(
            held ->
                ingest.ingest(
                    ANNA,
                    EU,
                    run(0, 1800, 9000, 0),
                    new ActivitySource(Provider.GARMIN, "g1", null, null, clock.instant()),
                    held));

    assertThat(later.kind()).isEqualTo(ActivityIngest.Kind.CREATED);
    assertThat(longer.kind()).as("distance 80 % off").isEqualTo(ActivityIngest.Kind.CREATED);
    assertThat(stores.activities).hasSize(3);
  }

  @Test
  void anotherUsersImportAndActivity_areNotFound_andAnotherRegionIsRefused() {
    ImportJob job = upload(ANNA, "0:1800:5000");

    assertThatThrownBy(() -> service.status(BEN, EU, job.id()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    assertThatThrownBy(() -> queries.activity(BEN, EU, job.activityIds().get(0)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    assertThatThrownBy(
            () ->
                service.importFile(
                    ANNA, new RegionId("us"), Provider.UPLOAD, "application/fit", new byte[] {1}))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(421));
    assertThat(stores.jobs).hasSize(1);
  }

  @Test
  void anArchiveWithTwoWorkouts_importsBoth() {
    ImportJob job = upload(ANNA, "0:1800:5000;86400:3600:10000");

    assertThat(job.activityIds()).hasSize(2).doesNotHaveDuplicates();
  }

  private ImportJob upload(UserId user, String content) {
    return upload(service, user, content);
  }

  private static ActivityData run(int offsetSeconds, int seconds, int meters) {
    return run(offsetSeconds, seconds, meters, 4);
  }

  private static ActivityData run(int offsetSeconds, int seconds, int meters, int samples) {
    Instant start = START.plusSeconds(offsetSeconds);
    List<Sample> stream = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      stream.add(
          new Sample(
              start.plusSeconds(i), 52.5 + i * 1e-4, 13.4, 34.0, 140 + i, 170, null, 3.0, i * 3.0));
    }
    return new ActivityData(
        Sport.RUNNING,
        start,
        ZoneOffset.ofHours(2),
        Duration.ofSeconds(seconds),
        Duration.ofSeconds(seconds),
        (double) meters,
        12.0,
        SummaryStats.NONE,
        List.of(),
        stream,
        "Garmin fenix 5");
  }
}
