package app.stride.devices.application.service;

import static app.stride.devices.application.service.PassedChecks.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import app.stride.devices.pull.ActivityFetcher;
import app.stride.devices.pull.FetchException;
import app.stride.devices.pull.FetchedActivity;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.QueuedNotifications;
import app.stride.devices.webhook.WebhookNotification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The worker's decisions: what it fetches, ingests, drops or hands back to the queue. */
class NotificationWorkerTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");
  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");
  private static final Instant START = Instant.parse("2026-11-26T07:00:00Z");

  private final MemoryStores stores = new MemoryStores();
  private final MemoryConnections connectionStore = new MemoryConnections();
  private final TokenCipher cipher = LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32]));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final List<String> revocations = new ArrayList<>();
  private final ConnectionService connections =
      new ConnectionService(
          connectionStore,
          ConnectionSettings.fromEnv(Map.of()),
          OAuthClient.withDefaults(),
          cipher,
          (provider, token) -> java.util.Optional.empty(),
          RefreshPolicy.defaults(),
          ProviderRevocations.fromEnv(Map.of()),
          (kind, key, body) -> revocations.add(kind),
          erased,
          EU,
          clock);
  private final ActivityIngest ingest =
      new ActivityIngest(stores, stores, stores, stores, stores::publish, clock, new Random(3));
  private final List<String> tokensSeen = new ArrayList<>();
  private Function<WebhookNotification, List<FetchedActivity>> polar = n -> List.of();
  private final ActivityFetcher polarFetcher =
      new ActivityFetcher() {
        @Override
        public Provider provider() {
          return Provider.POLAR;
        }

        @Override
        public List<FetchedActivity> fetch(WebhookNotification notification, Secret token) {
          tokensSeen.add(token.reveal());
          return polar.apply(notification);
        }
      };
  private Function<WebhookNotification, List<FetchedActivity>> strava = n -> List.of();
  private final ActivityFetcher stravaFetcher =
      new ActivityFetcher() {
        @Override
        public Provider provider() {
          return Provider.STRAVA;
        }

        @Override
        public List<FetchedActivity> fetch(WebhookNotification notification, Secret token) {
          return strava.apply(notification);
        }
      };
  private final NotificationWorker worker =
      new NotificationWorker(
          connections, List.of(polarFetcher, stravaFetcher), ingest, stores, eraser(), EU, clock);

  private UserDataEraser eraser() {
    return TestErasers.over(stores, connections, erased, EU, clock);
  }

  @Test
  void aNewActivity_isFetchedWithTheUsersToken_keptRaw_andIngestedOnce() {
    connect("polar-user-1", "at-anna");
    polar = n -> List.of(fetched(n.activityId().orElseThrow(), 10_000));

    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.INGESTED);
    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .as("a redelivery changes nothing")
        .isEqualTo(NotificationWorker.Outcome.INGESTED);

    assertThat(tokensSeen).containsExactly("at-anna", "at-anna");
    assertThat(stores.activities.values())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.userId()).isEqualTo(ANNA);
              assertThat(a.data().distanceMeters()).isEqualTo(10_000.0);
              assertThat(a.sources())
                  .singleElement()
                  .satisfies(
                      s -> {
                        assertThat(s.provider()).isEqualTo(Provider.POLAR);
                        assertThat(s.externalId()).isEqualTo("ex-1");
                      });
            });
    assertThat(stores.objects.keySet())
        .anySatisfy(key -> assertThat(key).startsWith("originals/usr_anna/polar/"));
    assertThat(stores.events).extracting(e -> e.type()).containsExactly("imported");
  }

  @Test
  void aNotificationForAnErasedAccount_isDropped_andWritesNothing() {
    connect("polar-user-1", "at-anna");
    polar = n -> List.of(fetched(n.activityId().orElseThrow(), 10_000));
    erased.markers.put(ANNA, Instant.MAX);

    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);

    assertThat(stores.activities).isEmpty();
    assertThat(stores.objects).isEmpty();
    assertThat(stores.events).isEmpty();
  }

  @Test
  void anUpdateNotificationForAnErasedAccount_isDropped_andErasesWhatTheAccountStillHolds() {
    connect(Provider.STRAVA, "athlete-7", "at-anna");
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.RUNNING));
    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.HIKING));
    erased.markers.put(ANNA, Instant.MAX);

    assertThat(worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_UPDATED, "123"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);

    // The update is not applied, and what the erasure left of the account (here: all of it, as
    // it never ran) is swept: the connection too, its grant's revocation queued.
    assertThat(stores.activities).isEmpty();
    assertThat(stores.objects).isEmpty();
    assertThat(stores.events).extracting(e -> e.type()).containsExactly("imported");
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(revocations).containsExactly(QueuedRevocation.KIND);
  }

  @Test
  void aNotificationOvertakenByTheErasure_erasesWhatItWrote_andIsDropped() {
    connect("polar-user-1", "at-anna");
    polar = n -> List.of(fetched(n.activityId().orElseThrow(), 10_000));
    // The eraser runs to its end between the worker's first check and its writes (it removes
    // the connection itself): only the worker's second check can find the original and activity.
    erased.eraseRightAfterFirstCheck(() -> eraser().erase("ev-1", ANNA, EU));

    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);

    assertThat(stores.activities).isEmpty();
    assertThat(stores.objects).isEmpty();
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(stores.published).as("the activity's event never left").isEmpty();
  }

  @Test
  void aNotification_isIngested_whileAnotherAccountIsMarkedErased() {
    connect("polar-user-1", "at-anna");
    polar = n -> List.of(fetched(n.activityId().orElseThrow(), 10_000));
    erased.markers.put(new UserId("usr_ben"), Instant.MAX);

    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.INGESTED);
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void theSameWorkoutFromAProviderAfterAnUpload_isMergedIntoOneActivity() {
    connect("polar-user-1", "at-anna");
    released(
        held ->
            ingest.ingest(
                ANNA,
                EU,
                run(10_050),
                new app.stride.devices.domain.ActivitySource(
                    Provider.UPLOAD, null, null, null, NOW),
                held));
    polar = n -> List.of(fetched("ex-2", 10_000));

    worker.handle(message(created("polar-user-1", "ex-2")));

    Activity merged = stores.activities.values().iterator().next();
    assertThat(stores.activities).hasSize(1);
    assertThat(merged.sources())
        .extracting(s -> s.provider())
        .containsExactly(Provider.UPLOAD, Provider.POLAR);
  }

  @Test
  void aSportCorrectedOnStrava_isReappliedByTheUpdateNotification_asANewVersionWithOneEvent() {
    connect(Provider.STRAVA, "athlete-7", "at-anna");
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.RUNNING));
    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.HIKING));

    assertThat(worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_UPDATED, "123"))))
        .isEqualTo(NotificationWorker.Outcome.INGESTED);

    assertThat(stores.activities.values())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.data().sport()).isEqualTo(Sport.HIKING);
              assertThat(a.version()).isEqualTo(2);
            });
    assertThat(stores.events)
        .extracting(e -> e.type())
        .containsExactly("imported", "updated:strava");
  }

  @Test
  void anUpdateNotificationWithUnchangedData_changesNothing_andEmitsNoEvent() {
    connect(Provider.STRAVA, "athlete-7", "at-anna");
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.RUNNING));
    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));

    assertThat(worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_UPDATED, "123"))))
        .isEqualTo(NotificationWorker.Outcome.INGESTED);

    assertThat(stores.activities.values())
        .singleElement()
        .satisfies(a -> assertThat(a.version()).isEqualTo(1));
    assertThat(stores.events).extracting(e -> e.type()).containsExactly("imported");
  }

  @Test
  void aRedeliveredCreateNotification_keepsTheStoredData_evenWhenTheProviderChangedIt() {
    connect(Provider.STRAVA, "athlete-7", "at-anna");
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.RUNNING));
    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.HIKING));

    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));

    assertThat(stores.activities.values())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.data().sport()).isEqualTo(Sport.RUNNING);
              assertThat(a.version()).isEqualTo(1);
            });
    assertThat(stores.events).extracting(e -> e.type()).containsExactly("imported");
  }

  @Test
  void anUpdateFromAProviderTheDataDoesNotComeFrom_changesNothing() {
    connect("polar-user-1", "at-anna");
    connect(Provider.STRAVA, "athlete-7", "at-anna");
    polar = n -> List.of(fetched(n.activityId().orElseThrow(), 10_000));
    worker.handle(message(created("polar-user-1", "ex-1")));
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.RUNNING));
    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_CREATED, "123")));
    strava = n -> List.of(fetchedFromStrava(n.activityId().orElseThrow(), Sport.HIKING));

    worker.handle(message(stravaNotice(NotificationKind.ACTIVITY_UPDATED, "123")));

    assertThat(stores.activities.values())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.sources())
                  .extracting(s -> s.provider())
                  .containsExactly(Provider.POLAR, Provider.STRAVA);
              assertThat(a.dataSource().provider()).isEqualTo(Provider.POLAR);
              assertThat(a.data().sport()).isEqualTo(Sport.RUNNING);
              assertThat(a.version()).isEqualTo(2);
            });
    assertThat(stores.events)
        .extracting(e -> e.type())
        .containsExactly("imported", "merged:strava");
  }

  @Test
  void aNotificationForAnAccountNoUserConnected_isDropped_withoutAFetch() {
    assertThat(worker.handle(message(created("stranger", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);
    assertThat(tokensSeen).isEmpty();
    assertThat(stores.activities).isEmpty();
  }

  @Test
  void aProviderThatIsDownOrRateLimited_handsTheMessageBack_forRedelivery() {
    connect("polar-user-1", "at-anna");
    polar =
        n -> {
          throw new FetchException(FetchException.Reason.UNAVAILABLE, "polar answered 503");
        };
    assertThatThrownBy(() -> worker.handle(message(created("polar-user-1", "ex-1"))))
        .isInstanceOf(FetchException.class);

    polar =
        n -> {
          throw new FetchException(
              FetchException.Reason.RATE_LIMITED, "429", Duration.ofMinutes(15), null);
        };
    assertThatThrownBy(() -> worker.handle(message(created("polar-user-1", "ex-1"))))
        .isInstanceOf(FetchException.class);
    assertThat(stores.activities).isEmpty();
  }

  @Test
  void aGoneOrUnreadableActivity_isDropped_andNothingPartialIsStored() {
    connect("polar-user-1", "at-anna");
    polar =
        n -> {
          throw new FetchException(FetchException.Reason.NOT_FOUND, "404");
        };
    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);
    polar =
        n -> {
          throw new FetchException(FetchException.Reason.REJECTED, "corrupt FIT");
        };
    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);
    assertThat(stores.activities).isEmpty();
    assertThat(stores.objects).isEmpty();
  }

  @Test
  void aRefusedTokenWithoutARefreshToken_isDropped_notRetriedForever() {
    connect("polar-user-1", "at-revoked");
    polar =
        n -> {
          throw new FetchException(FetchException.Reason.UNAUTHORIZED, "401");
        };

    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);
    assertThat(tokensSeen).containsExactly("at-revoked");
  }

  @Test
  void aDeauthorization_removesTheConnection_andLaterPushesForItAreDropped() {
    connect("polar-user-1", "at-anna");
    WebhookNotification revoked =
        WebhookNotification.of(Provider.POLAR, "polar-user-1", NotificationKind.DEAUTHORIZED, "k9");

    assertThat(worker.handle(message(revoked))).isEqualTo(NotificationWorker.Outcome.DISCONNECTED);
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(worker.handle(message(created("polar-user-1", "ex-1"))))
        .isEqualTo(NotificationWorker.Outcome.DROPPED);
    assertThat(tokensSeen).isEmpty();
  }

  @Test
  void aProviderThisDeploymentHasNoFetcherFor_keepsTheMessage_forRedeliveryAndDeadLetters() {
    WebhookNotification suunto =
        WebhookNotification.of(Provider.SUUNTO, "s-1", NotificationKind.ACTIVITY_CREATED, "k")
            .withActivityId("w-1");

    assertThatThrownBy(() -> worker.handle(message(suunto)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("suunto");
  }

  @Test
  void aPoisonMessage_isDropped_notRedelivered() {
    for (String body :
        List.of(
            "",
            "not json",
            "[]",
            "{\"provider\":\"polar\"}",
            "{\"provider\":\"myspace\",\"providerUserId\":\"u\",\"kind\":\"activity-created\","
                + "\"idempotencyKey\":\"k\"}",
            "{\"provider\":\"polar\",\"providerUserId\":\"u\",\"kind\":\"activity-created\","
                + "\"idempotencyKey\":\"k\",\"windowStart\":\"yesterday\","
                + "\"windowEnd\":\"2026-11-25T10:00:00Z\"}",
            "{\"provider\":\"fitbit\",\"providerUserId\":\"u\",\"kind\":\"activity-updated\","
                + "\"idempotencyKey\":\"k\",\"windowStart\":\"2026-11-25T10:00:00Z\"}",
            "{\"provider\":\"fitbit\",\"providerUserId\":\"u\",\"kind\":\"activity-updated\","
                + "\"idempotencyKey\":\"k\",\"windowStart\":\"2026-11-25T10:00:00Z\","
                + "\"windowEnd\":\"2026-11-24T10:00:00Z\"}")) {
      assertThat(
              worker.handle(
                  new QueueMessage("m", body.getBytes(StandardCharsets.UTF_8), Map.of(), 1)))
          .as(body)
          .isEqualTo(NotificationWorker.Outcome.DROPPED);
    }
  }

  @Test
  void theQueuedForm_roundTripsEveryField() {
    WebhookNotification full =
        WebhookNotification.of(Provider.FITBIT, "fb-1", NotificationKind.ACTIVITY_UPDATED, "key-1")
            .withActivityId("act-1")
            .withFileUrl(java.net.URI.create("https://health.googleapis.com/file/1"))
            .withCallbackUrl(java.net.URI.create("https://apis.garmin.com/cb?token=x"))
            .withWindow(
                new app.stride.devices.webhook.TimeWindow(
                    NOW.minusSeconds(3600), NOW.minusSeconds(60)))
            .withEventTime(NOW);

    assertThat(QueuedNotifications.read(QueuedNotifications.write(full))).contains(full);
  }

  private void connect(String providerUserId, String accessToken) {
    connect(Provider.POLAR, providerUserId, accessToken);
  }

  private void connect(Provider provider, String providerUserId, String accessToken) {
    connectionStore.save(
        new Connection(
            ANNA,
            provider,
            providerUserId,
            cipher.encrypt(Secret.of(accessToken), ANNA, provider),
            null,
            null,
            "accesslink.read_all",
            NOW,
            NOW,
            1),
        EU);
  }

  private static WebhookNotification created(String providerUser, String exercise) {
    return WebhookNotification.of(
            Provider.POLAR, providerUser, NotificationKind.ACTIVITY_CREATED, "key-" + exercise)
        .withActivityId(exercise);
  }

  private static WebhookNotification stravaNotice(NotificationKind kind, String activity) {
    return WebhookNotification.of(
            Provider.STRAVA, "athlete-7", kind, "strava-" + kind.wire() + "-" + activity)
        .withActivityId(activity);
  }

  /** Strava's recording of the same run as {@link #run}: fewer samples, no device. */
  private static FetchedActivity fetchedFromStrava(String id, Sport sport) {
    ActivityData polarRun = run(10_000);
    ActivityData data =
        new ActivityData(
            sport,
            polarRun.startTime(),
            polarRun.utcOffset(),
            polarRun.elapsed(),
            polarRun.moving(),
            polarRun.distanceMeters(),
            polarRun.elevationGainMeters(),
            polarRun.stats(),
            polarRun.laps(),
            polarRun.samples().subList(0, 3),
            null);
    return new FetchedActivity(
        id, "application/json", ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8), data);
  }

  private static QueueMessage message(WebhookNotification n) {
    return new QueueMessage("m-1", QueuedNotifications.write(n), Map.of(), 1);
  }

  private static FetchedActivity fetched(String id, int meters) {
    return new FetchedActivity(
        id, "application/fit", ("FIT" + id).getBytes(StandardCharsets.UTF_8), run(meters));
  }

  private static ActivityData run(int meters) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      samples.add(
          new Sample(START.plusSeconds(i * 600L), 52.5, 13.4, 34.0, 150, 170, null, 3.0, i * 2.0));
    }
    return new ActivityData(
        Sport.RUNNING,
        START,
        ZoneOffset.UTC,
        Duration.ofMinutes(50),
        Duration.ofMinutes(49),
        (double) meters,
        20.0,
        SummaryStats.NONE,
        List.of(),
        samples,
        "Polar Vantage V3");
  }
}
