package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.NOW;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static app.stride.devices.pull.PullTestSupport.created;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.json.Json;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.strava.StravaRateBudget;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.ZoneOffset;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Strava activities and streams built into ActivityData, within the rate budget. */
class StravaFetcherTest {
  private static final String ID = "12345678987654321";
  private static final String ACTIVITY = "/api/v3/activities/" + ID;
  private static final String STREAMS = ACTIVITY + "/streams";
  private static final Duration TO_QUARTER_END = Duration.ofMinutes(15);

  private static WireMockServer server;
  private StravaRateBudget budget;
  private StravaFetcher fetcher;

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
    budget = new StravaRateBudget();
    fetcher = fetcher(budget);
  }

  private static StravaFetcher fetcher(StravaRateBudget budget) {
    return new StravaFetcher(
        PullTestSupport.http(), PullTestSupport.apis(Provider.STRAVA, server), budget);
  }

  private static ResponseDefinitionBuilder json(String resource) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(PullTestSupport.resource(resource));
  }

  private static void stubActivity(String activity, String streams) {
    server.stubFor(get(urlPathEqualTo(ACTIVITY)).willReturn(json(activity)));
    server.stubFor(get(urlPathEqualTo(STREAMS)).willReturn(json(streams)));
  }

  @Test
  void fetch_buildsTheActivityFromItsSummaryAndStreams() {
    stubActivity("strava/activity.json", "strava/streams.json");

    FetchedActivity fetched = fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN).get(0);

    ActivityData data = fetched.data();
    assertThat(fetched.providerActivityId()).isEqualTo(ID);
    assertThat(data.sport()).isEqualTo(Sport.RUNNING);
    assertThat(data.startTime()).isEqualTo(java.time.Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(data.utcOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(data.distanceMeters()).isEqualTo(120.0);
    assertThat(data.elapsed()).isEqualTo(Duration.ofSeconds(40));
    assertThat(data.moving()).isEqualTo(Duration.ofSeconds(38));
    assertThat(data.elevationGainMeters()).isEqualTo(4.0);
    assertThat(data.stats().averageHeartRate()).isEqualTo(149);
    assertThat(data.device()).isEqualTo("Garmin Forerunner 965");
    assertThat(data.laps()).hasSize(1);
    assertThat(data.samples()).hasSize(5).allMatch(Sample::hasPosition);
    Sample second = data.samples().get(1);
    assertThat(second.time()).isEqualTo(data.startTime().plusSeconds(10));
    assertThat(second.latitude()).isCloseTo(46.50027, Offset.offset(1e-9));
    assertThat(second.longitude()).isCloseTo(6.6, Offset.offset(1e-9));
    assertThat(second.distanceMeters()).isEqualTo(30.0);
    assertThat(second.altitudeMeters()).isEqualTo(401.0);
    assertThat(second.heartRate()).isEqualTo(145);
    assertThat(second.cadence()).isEqualTo(85);
    assertThat(second.speedMetersPerSecond()).isEqualTo(3.0);
    assertThat(second.powerWatts()).isNull();
  }

  @Test
  void fetch_keepsBothAnswersAsTheOriginal() {
    stubActivity("strava/activity.json", "strava/streams.json");

    FetchedActivity fetched = fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN).get(0);

    assertThat(fetched.mediaType()).isEqualTo("application/json");
    JsonNode original = Json.mapper().readTree(fetched.original());
    assertThat(original.get("activity").get("sport_type").stringValue()).isEqualTo("TrailRun");
    assertThat(original.get("streams").get("latlng").get("data").size()).isEqualTo(5);
  }

  @Test
  void fetch_sendsTheTokenAndAsksForTheStreamsByType() {
    stubActivity("strava/activity.json", "strava/streams.json");

    fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN);

    server.verify(
        getRequestedFor(urlPathEqualTo(ACTIVITY))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(urlPathEqualTo(STREAMS))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("keys", equalTo(StravaFetcher.STREAM_KEYS))
            .withQueryParam("key_by_type", equalTo("true")));
  }

  @Test
  void fetch_aManualActivityWithoutStreams_hasNoSamples() {
    server.stubFor(get(urlPathEqualTo(ACTIVITY)).willReturn(json("strava/manual-activity.json")));
    server.stubFor(get(urlPathEqualTo(STREAMS)).willReturn(aResponse().withStatus(404)));

    ActivityData data = fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN).get(0).data();

    assertThat(data.sport()).isEqualTo(Sport.STRENGTH);
    assertThat(data.elapsed()).isEqualTo(Duration.ofMinutes(30));
    assertThat(data.samples()).isEmpty();
  }

  @Test
  void fetch_aPositionOffTheGlobe_isRejected() {
    stubActivity("strava/activity.json", "strava/streams-off-the-globe.json");

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_aDeletedActivity_isNotFound() {
    server.stubFor(get(urlPathEqualTo(ACTIVITY)).willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void fetch_withTheBudgetSpent_isRateLimited_withoutARequest() {
    StravaRateBudget spent = new StravaRateBudget(1, 100);
    spent.tryAcquire(NOW);

    assertThatThrownBy(() -> fetcher(spent).fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(TO_QUARTER_END);
            });
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_followsTheUsageStravaReports() {
    server.stubFor(
        get(urlPathEqualTo(ACTIVITY))
            .willReturn(
                json("strava/activity.json")
                    .withHeader("X-RateLimit-Limit", "100,1000")
                    .withHeader("X-RateLimit-Usage", "100,400")));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
    server.verify(0, getRequestedFor(urlPathEqualTo(STREAMS)));
  }

  @Test
  void fetch_a429_spendsTheWindow_andSaysWhenToRetry() {
    server.stubFor(get(urlPathEqualTo(ACTIVITY)).willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.STRAVA, ID), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(TO_QUARTER_END);
            });
    assertThat(budget.tryAcquire(NOW)).isInstanceOf(StravaRateBudget.Decision.Wait.class);
    server.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_aNonNumericId_isRejected_withoutARequest() {
    assertThatThrownBy(() -> fetcher.fetch(created(Provider.STRAVA, "1/../../x"), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
