package app.stride.infra.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.capability.TableSchema.Index;
import app.stride.infra.capability.TableSchema.Key;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  @Test
  void workoutsTable_isKeyedByUserAndWorkout_withTheStartTimeLocalIndex() {
    TableSchema table = Capabilities.WORKOUTS.table();

    assertThat(table.partitionKey()).isEqualTo(Key.string("userId"));
    assertThat(table.sortKey()).contains(Key.string("workoutId"));
    assertThat(table.localIndexes())
        .containsExactly(
            new Index("byStartTime", Key.string("userId"), Optional.of(Key.string("startKey"))));
    assertThat(table.attributes())
        .extracting(Key::name)
        .containsExactly("userId", "workoutId", "startKey", "outboxShard", "outboxSince");
  }

  @Test
  void crossTableReads_areExactlyPlannerOnWorkouts_andWorkoutsOnProfiles_byKey() {
    assertThat(Capabilities.PLANNER.reads())
        .containsExactly(new Capability.TableRead("workouts", List.of("dynamodb:GetItem")));
    assertThat(Capabilities.WORKOUTS.reads())
        .containsExactly(new Capability.TableRead("profiles", List.of("dynamodb:GetItem")));
    assertThat(Capabilities.SOCIAL.reads()).isEmpty();
    assertThat(Capabilities.PROFILES.reads()).isEmpty();
    assertThat(Capabilities.DEVICES.reads())
        .containsExactly(
            new Capability.TableRead("profiles", List.of("dynamodb:GetItem")),
            new Capability.TableRead("workouts", List.of("dynamodb:Query")));
  }

  @Test
  void devices_ownABucketATokenKeyAWorkQueueWithItsWorkerAndSecrets_andNoOtherCapabilityDoes() {
    Capability devices = Capabilities.DEVICES;

    assertThat(Capabilities.ALL).contains(devices);
    assertThat(devices.table().attributes())
        .extracting(Key::name)
        .containsExactly("userId", "sk", "startKey", "outboxShard", "outboxSince");
    assertThat(devices.outbox().orElseThrow().eventsName()).isEqualTo("activity-events");
    assertThat(devices.outbox().orElseThrow().relayDefinition())
        .isEqualTo("devicesOutboxRelaySchedule");
    assertThat(devices.bucket().orElseThrow().archivePrefix()).isEqualTo("originals/");
    assertThat(devices.envelopeKey().orElseThrow().variable())
        .isEqualTo("STRIDE_DEVICES_TOKEN_KEY_ID");
    assertThat(devices.envelopeKey().orElseThrow().contextKeys())
        .containsExactly("stride:user", "stride:provider");
    assertThat(devices.workQueue().orElseThrow().stem()).isEqualTo("devices-work");
    // The worker the devices jars register: the SQS batch bean, the Pub/Sub entry point.
    assertThat(devices.worker())
        .contains(
            new Capability.Worker(
                "devicesWorkerQueue",
                "app.stride.devices.gcp.DevicesWorkerFunction",
                540,
                3072,
                List.of("STRIDE_PROVIDER_STRAVA_BUDGET_SHARE")));
    assertThat(devices.workQueue().orElseThrow().consumerTimeoutSeconds()).isEqualTo(540);
    assertThat(Capabilities.ALL.stream().filter(c -> c != devices))
        .allSatisfy(
            c -> {
              assertThat(c.bucket()).isEmpty();
              assertThat(c.envelopeKey()).isEmpty();
              assertThat(c.workQueue()).isEmpty();
              assertThat(c.secrets()).isEmpty();
            });
  }

  @Test
  void devicesSecrets_areTheOAuthClientsOfEveryProvider_forBothFunctions_webhooksForHttpOnly() {
    List<Capability.SecretSetting> secrets = Capabilities.DEVICES.secrets();

    assertThat(Capabilities.DEVICES.workerSecrets())
        .extracting(Capability.SecretSetting::variable)
        .contains(
            "STRIDE_OAUTH_STATE_KEY",
            "STRIDE_OAUTH_REDIRECT_URI",
            "STRIDE_OAUTH_GARMIN_CLIENT_ID",
            "STRIDE_OAUTH_COROS_CLIENT_SECRET",
            "STRIDE_PROVIDER_SUUNTO_SUBSCRIPTION_KEY")
        .hasSize(2 + 2 * 7 + 1)
        .noneMatch(v -> v.startsWith("STRIDE_WEBHOOK_"));
    assertThat(secrets)
        .filteredOn(s -> s.variable().startsWith("STRIDE_WEBHOOK_"))
        .extracting(Capability.SecretSetting::variable)
        .contains("STRIDE_WEBHOOK_POLAR_SIGNING_KEY", "STRIDE_WEBHOOK_STRAVA_SUBSCRIPTION_ID");
    assertThat(secrets)
        .filteredOn(s -> s.variable().equals("STRIDE_WEBHOOK_GARMIN_CLIENT_ID"))
        .singleElement()
        .extracting(Capability.SecretSetting::secret)
        .isEqualTo("oauth-garmin-client-id");
    assertThat(secrets)
        .extracting(Capability.SecretSetting::variable)
        .as("Fitbit's webhooks are Google Health's: a subscriber secret and Google's public key")
        .contains("STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN", "STRIDE_WEBHOOK_FITBIT_PUBLIC_KEY")
        .doesNotContain(
            "STRIDE_WEBHOOK_FITBIT_CLIENT_SECRET", "STRIDE_WEBHOOK_FITBIT_VERIFICATION_CODE");
    assertThat(Capability.SecretSetting.of("STRIDE_OAUTH_STATE_KEY", true).secret())
        .isEqualTo("oauth-state-key");
    assertThatThrownBy(() -> Capability.SecretSetting.of("STRIDE_X_ARN", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Capability.SecretSetting.of("OTHER_X", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBucketsArchivePrefix_isAFolder_andAWorkersTimeoutAndMemory_fitBothClouds() {
    assertThatThrownBy(() -> new Capability.ObjectBucket("x", "B", "K", "originals"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Capability.ObjectBucket("x", "B", "K", "/originals/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Capability.Worker("worker", "Entry", 600))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Capability.Worker("worker", "Entry", 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Capability.Worker("worker", "Entry", 120, 8192))
        .as("one vCPU on Cloud Functions takes at most 4 GiB")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Capability.Worker("worker", "Entry", 120).memoryMb()).isEqualTo(1024);
  }

  @Test
  void aWorkQueue_waitsForItsWorkersTimeout_orSixtySecondsWithoutAWorker() {
    Capability.WorkQueue held = Capability.WorkQueue.withoutWorker("w", "Q", "T");
    Capability.WorkQueue drained =
        new Capability.WorkQueue(
            "w", "Q", "T", Optional.of(new Capability.Worker("worker", "Entry", 120)));

    assertThat(held.worker()).isEmpty();
    assertThat(held.consumerTimeoutSeconds()).isEqualTo(60);
    assertThat(drained.consumerTimeoutSeconds()).isEqualTo(120);
  }

  @Test
  void aReadGrant_refusesWriteActions() {
    assertThatThrownBy(() -> new Capability.TableRead("profiles", List.of("dynamodb:PutItem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PutItem");
  }

  @Test
  void tableSchema_refusesALocalIndexOnAnotherPartitionKey_andAnAttributeWithTwoTypes() {
    assertThatThrownBy(
            () ->
                TableSchema.pkSk()
                    .withLocalIndex(
                        new Index("x", Key.string("other"), Optional.of(Key.string("y")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TableSchema.pkSk()
                    .withGlobalIndex(new Index("x", Key.number("sk"), Optional.empty())))
        .hasMessageContaining("two types");
  }

  @Test
  void anOutbox_mustBeAnIndexOfTheTable() {
    assertThatThrownBy(
            () ->
                new Capability(
                    "things",
                    "STRIDE_THINGS_TABLE",
                    "a.Main",
                    "thingsHttp",
                    "a.Function",
                    TableSchema.pkSk(),
                    List.of(),
                    Optional.of(
                        new Capability.Outbox(
                            "thing-events", "relay", "a.RelayFunction", "outbox", false)),
                    List.of()))
        .hasMessageContaining("outbox index");
  }

  @Test
  void theDataErasers_areTheOnlySubscribers_eachTakingAccountDeletionsFromProfileEvents() {
    assertThat(Capabilities.ALL)
        .filteredOn(c -> !c.subscribers().isEmpty())
        .extracting(Capability::name)
        .containsExactly("profiles", "planner", "workouts", "devices");
    assertThat(
            List.of(
                Capabilities.PROFILES_ERASER,
                Capabilities.PLANNER_ERASER,
                Capabilities.WORKOUTS_ERASER,
                Capabilities.DEVICES_ERASER))
        .allSatisfy(
            s -> {
              assertThat(s.events()).isEqualTo("profile-events");
              assertThat(s.eventType()).isEqualTo("app.stride.user.v1.deleted");
            });
    assertThat(Capabilities.PROFILES.subscribers()).containsExactly(Capabilities.PROFILES_ERASER);
    assertThat(Capabilities.PLANNER.subscribers()).containsExactly(Capabilities.PLANNER_ERASER);
    assertThat(Capabilities.WORKOUTS.subscribers()).containsExactly(Capabilities.WORKOUTS_ERASER);
    assertThat(Capabilities.DEVICES.subscribers()).containsExactly(Capabilities.DEVICES_ERASER);
  }

  @Test
  void aSubscriber_needsAShortStemAStrideEventTypeAndWorkerBounds_andAStemOnlyOnce() {
    assertThatThrownBy(() -> subscriber("worker", "app.stride.user.v1.deleted", 60))
        .hasMessageContaining("stem");
    assertThatThrownBy(() -> subscriber("Eraser", "app.stride.user.v1.deleted", 60))
        .hasMessageContaining("stem");
    assertThatThrownBy(() -> subscriber("eraser", "com.example.user.deleted", 60))
        .hasMessageContaining("event type");
    assertThatThrownBy(() -> subscriber("eraser", "app.stride.user.v1.deleted", 900))
        .hasMessageContaining("timeout");
    Capability.Subscriber eraser = subscriber("eraser", "app.stride.user.v1.deleted", 60);
    Capability once = bare().withSubscriber(eraser);
    assertThat(once.subscribers()).containsExactly(eraser);
    assertThat(bare().subscribers()).isEmpty();
    assertThatThrownBy(() -> once.withSubscriber(eraser)).hasMessageContaining("twice");
  }

  @Test
  void onlyTheDevicesEraser_isSweptEveryFifteenMinutes_byItsScheduleBeanAndEntryPoint() {
    Capability.Sweep sweep = Capabilities.DEVICES_ERASER.sweep().orElseThrow();

    assertThat(sweep).isSameAs(Capabilities.DEVICES_ERASURE_SWEEP);
    assertThat(sweep.definition()).isEqualTo("devicesErasureSweepSchedule");
    assertThat(sweep.gcpEntryPoint())
        .isEqualTo("app.stride.devices.gcp.DevicesErasureSweepFunction");
    assertThat(sweep.scheduleName()).isEqualTo("devices-erasure-sweep");
    assertThat(sweep.awsRate()).isEqualTo("rate(15 minutes)");
    assertThat(sweep.gcpCron()).isEqualTo("*/15 * * * *");
    // The erased-account markers live in the devices table's sparse outbox index.
    assertThat(sweep.awsIndex()).isEqualTo(Capabilities.OUTBOX_INDEX.name()).isEqualTo("outbox");
    assertThat(Capabilities.DEVICES.table().globalIndexes()).contains(Capabilities.OUTBOX_INDEX);
    assertThat(Capabilities.PROFILES_ERASER.sweep()).isEmpty();
    assertThat(Capabilities.ALL)
        .flatExtracting(Capability::subscribers)
        .filteredOn(s -> s.sweep().isPresent())
        .containsExactly(Capabilities.DEVICES_ERASER);
  }

  @Test
  void aSweep_ticksAlikeOnBothClouds_hasAScheduleName_andQueriesAGlobalIndexOfItsTable() {
    assertThat(sweep(1).awsRate()).isEqualTo("rate(1 minute)");
    assertThat(sweep(1).gcpCron()).isEqualTo("* * * * *");
    assertThat(sweep(5).awsRate()).isEqualTo("rate(5 minutes)");
    assertThat(sweep(5).gcpCron()).isEqualTo("*/5 * * * *");
    for (int uneven : List.of(0, 7, 45, 60, 90)) {
      assertThatThrownBy(() -> sweep(uneven))
          .as("every %d minutes", uneven)
          .hasMessageContaining("divisor of 60");
    }
    assertThatThrownBy(() -> new Capability.Sweep("bean", "a.F", "Sweep Now", 15, "outbox"))
        .hasMessageContaining("schedule name");
    Capability.Subscriber swept =
        new Capability.Subscriber(
            "auditor",
            "profile-events",
            "app.stride.user.v1.deleted",
            "bean",
            "a.F",
            60,
            1024,
            Optional.of(new Capability.Sweep("sweep", "a.S", "planner-sweep", 15, "outbox")));
    assertThat(subscriber("eraser", "app.stride.user.v1.deleted", 60).sweep()).isEmpty();
    assertThatThrownBy(() -> bare().withSubscriber(swept))
        .hasMessageContaining("sweep index is not in its table");
    assertThat(Capabilities.PROFILES.withSubscriber(swept).subscribers()).contains(swept);
  }

  /** A capability with a plain table and no subscriber. */
  private static Capability bare() {
    return new Capability(
        "bare",
        "STRIDE_BARE_TABLE",
        "a.BareAwsApplication",
        "bareHttp",
        "a.BareHttpFunction",
        TableSchema.pkSk(),
        List.of(),
        Optional.empty(),
        List.of());
  }

  private static Capability.Sweep sweep(int everyMinutes) {
    return new Capability.Sweep("bean", "a.F", "a-sweep", everyMinutes, "outbox");
  }

  private static Capability.Subscriber subscriber(String stem, String type, int timeoutSeconds) {
    return new Capability.Subscriber(
        stem, "profile-events", type, "bean", "a.Function", timeoutSeconds, 1024);
  }
}
