package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.xml.TcxFixtures;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.TimeWindow;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fitbit through the Google Health API: a notified window's exercise data points listed, each
 * exported as TCX, against a local stand-in speaking the documented v4 REST protocol.
 */
class FitbitFetcherTest {
  private static final String LIST = FitbitFetcher.EXERCISES;
  private static final String RIDE = "2026443605080188808";
  private static final String WALK = "2026443605080188809";
  private static final String YESTERDAY = "2026443605080188700";
  private static final String EMPTY_TCX =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TrainingCenterDatabase"
          + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
          + "<Activities/></TrainingCenterDatabase>";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2024-05-01T06:00:00Z"), Instant.parse("2024-05-01T08:00:00Z"));

  private static WireMockServer server;
  private FitbitFetcher fetcher;

  @BeforeAll
  static void start() {
    server = PullTestSupport.startServer();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    fetcher =
        new FitbitFetcher(PullTestSupport.http(), PullTestSupport.apis(Provider.FITBIT, server));
  }

  private static WebhookNotification changed(TimeWindow window) {
    return WebhookNotification.of(
            Provider.FITBIT, "3Mg7QzU2kPq", NotificationKind.ACTIVITY_UPDATED, "k")
        .withWindow(window);
  }

  private static void list(String resource) {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(aResponse().withBody(PullTestSupport.resource("fitbit/" + resource))));
  }

  private static String export(String id) {
    return LIST + "/" + id + ":exportExerciseTcx";
  }

  private static void tcx(String id, int status, String body) {
    server.stubFor(
        get(urlPathEqualTo(export(id))).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  @Test
  void fetch_listsTheWindowsExercises_andMapsEachFromItsTcxAndSummary() {
    list("exercise-list.json");
    tcx(RIDE, 200, TcxFixtures.anActivity().build());
    tcx(WALK, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");

    List<FetchedActivity> fetched = fetcher.fetch(changed(WINDOW), ACCESS_TOKEN);

    assertThat(fetched).extracting(FetchedActivity::providerActivityId).containsExactly(RIDE, WALK);
    server.verify(
        getRequestedFor(urlPathEqualTo(LIST))
            .withQueryParam("pageSize", equalTo("25"))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.start_time >= \"2024-04-30T06:00:00Z\""
                        + " AND exercise.interval.start_time < \"2024-05-01T08:00:01Z\""))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(urlPathEqualTo(export(RIDE)))
            .withQueryParam("alt", equalTo("media"))
            .withQueryParam("partialData", equalTo("true"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo(MediaTypes.TCX)));
    server.verify(0, getRequestedFor(urlPathEqualTo(export(YESTERDAY))));
  }

  @Test
  void anExerciseWithItsTcx_takesSportOffsetTimesAndTotalsFromTheDataPoint_restFromTheTcx() {
    list("exercise-list.json");
    tcx(RIDE, 200, TcxFixtures.anActivity().build());
    tcx(WALK, 404, "");

    FetchedActivity ride = fetcher.fetch(changed(WINDOW), ACCESS_TOKEN).get(0);
    ActivityData data = ride.data();

    assertThat(ride.mediaType()).isEqualTo(MediaTypes.TCX);
    assertThat(data.sport()).isEqualTo(Sport.CYCLING);
    assertThat(data.startTime()).isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
    assertThat(data.utcOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(data.elapsed()).isEqualTo(Duration.ofSeconds(120));
    assertThat(data.moving()).isEqualTo(Duration.ofSeconds(118));
    assertThat(data.distanceMeters()).isEqualTo(481.25);
    assertThat(data.elevationGainMeters()).isEqualTo(11.9);
    assertThat(data.stats().averageHeartRate()).isEqualTo(155);
    assertThat(data.stats().averageSpeedMetersPerSecond()).isCloseTo(4.0784, Offset.offset(1e-9));
    assertThat(data.stats().maxHeartRate()).as("from the TCX samples").isEqualTo(160);
    assertThat(data.stats().averageCadence()).isEqualTo(90);
    assertThat(data.stats().maxPowerWatts()).isEqualTo(220);
    assertThat(data.laps()).hasSize(2);
    assertThat(data.samples()).hasSize(120);
    assertThat(data.samples().get(0).latitude()).isCloseTo(46.0, Offset.offset(1e-6));
    assertThat(data.device()).isEqualTo("Edge 530");
  }

  @Test
  void anExerciseWithoutTcx_isItsSummary_withSplitsAsLaps_andNoSamples() {
    list("exercise-list.json");
    tcx(RIDE, 200, TcxFixtures.anActivity().build());
    tcx(WALK, 404, "");

    FetchedActivity walk = fetcher.fetch(changed(WINDOW), ACCESS_TOKEN).get(1);
    ActivityData data = walk.data();

    assertThat(walk.mediaType()).isEqualTo(FitbitFetcher.JSON);
    assertThat(new String(walk.original(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"name\":\"users/me/dataTypes/exercise/dataPoints/" + WALK + "\"");
    assertThat(data.sport()).isEqualTo(Sport.WALKING);
    assertThat(data.elapsed()).isEqualTo(Duration.ofMinutes(30));
    assertThat(data.moving()).isEqualTo(Duration.ofMinutes(30));
    assertThat(data.distanceMeters()).isEqualTo(2400.0);
    assertThat(data.stats().averageHeartRate()).isEqualTo(98);
    assertThat(data.laps())
        .containsExactly(
            new Lap(Instant.parse("2024-05-01T07:30:00Z"), Duration.ofMinutes(15), 1250.0),
            new Lap(Instant.parse("2024-05-01T07:45:00Z"), Duration.ofMinutes(15), 1150.0));
    assertThat(data.samples()).isEmpty();
  }

  @Test
  void anExportRefusedForLackOfTheLocationScope_importsTheSummary() {
    list("exercise-list.json");
    tcx(RIDE, 403, "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\"}}");
    tcx(WALK, 403, "");

    List<FetchedActivity> fetched = fetcher.fetch(changed(WINDOW), ACCESS_TOKEN);

    assertThat(fetched).extracting(FetchedActivity::mediaType).containsOnly(FitbitFetcher.JSON);
    assertThat(fetched.get(0).data().distanceMeters()).isEqualTo(481.25);
    assertThat(fetched.get(0).data().samples()).isEmpty();
  }

  @Test
  void aTcxWithoutAnActivity_leavesTheSummary() {
    list("exercise-list.json");
    tcx(RIDE, 200, EMPTY_TCX);
    tcx(WALK, 404, "");

    assertThat(fetcher.fetch(changed(WINDOW), ACCESS_TOKEN).get(0).data().sport())
        .isEqualTo(Sport.CYCLING);
  }

  @Test
  void aCorruptTcx_isRejected_andNothingIsReturned() {
    list("exercise-list.json");
    tcx(RIDE, 200, "<?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity");
    tcx(WALK, 404, "");

    assertThatThrownBy(() -> fetcher.fetch(changed(WINDOW), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_followsNextPageToken() {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("pageToken", equalTo("CgwIgICAgICAgICAARAB"))
            .atPriority(1)
            .willReturn(
                aResponse().withBody(PullTestSupport.resource("fitbit/exercise-page2.json"))));
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .atPriority(2)
            .willReturn(
                aResponse().withBody(PullTestSupport.resource("fitbit/exercise-page1.json"))));
    tcx(RIDE, 200, TcxFixtures.anActivity().build());

    List<FetchedActivity> fetched = fetcher.fetch(changed(WINDOW), ACCESS_TOKEN);

    assertThat(fetched).extracting(FetchedActivity::providerActivityId).containsExactly(RIDE);
    assertThat(fetched.get(0).data().sport()).isEqualTo(Sport.RUNNING);
  }

  @Test
  void anEmptyWindow_fetchesNothingMore() {
    server.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("{}")));

    assertThat(fetcher.fetch(changed(WINDOW), ACCESS_TOKEN)).isEmpty();
    server.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void anExerciseNamedOutsideTheExercisePath_isRejected_beforeAnyExport() {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                okJson(
                    "{\"dataPoints\":[{\"name\":\"users/me/dataTypes/exercise/dataPoints/../x\","
                        + "\"exercise\":{\"interval\":{\"startTime\":\"2024-05-01T06:00:00Z\","
                        + "\"endTime\":\"2024-05-01T07:00:00Z\"}}}]}")));

    assertThatThrownBy(() -> fetcher.fetch(changed(WINDOW), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void aRefusedToken_onTheList_isUnauthorized_soTheWorkerRefreshesIt() {
    server.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> fetcher.fetch(changed(WINDOW), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
  }

  @Test
  void rateLimited_readsRetryAfter() {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    assertThatThrownBy(() -> fetcher.fetch(changed(WINDOW), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            });
  }

  @Test
  void aNotificationWithoutWindow_isRejected() {
    WebhookNotification noWindow =
        WebhookNotification.of(Provider.FITBIT, "u", NotificationKind.ACTIVITY_UPDATED, "k");

    assertThatThrownBy(() -> fetcher.fetch(noWindow, ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void aDeletion_fetchesNothing() {
    WebhookNotification deleted =
        WebhookNotification.of(Provider.FITBIT, "u", NotificationKind.ACTIVITY_DELETED, "k")
            .withWindow(WINDOW);

    assertThat(fetcher.fetch(deleted, ACCESS_TOKEN)).isEmpty();
    server.verify(0, getRequestedFor(anyUrl()));
  }
}
