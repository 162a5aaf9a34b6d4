package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.xml.TcxFixtures;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fitbit: a changed day's exercise logs listed, then each fetched as TCX. */
class FitbitFetcherTest {
  private static final String LIST = "/1/user/-/activities/list.json";
  private static final String EMPTY_TCX =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TrainingCenterDatabase"
          + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
          + "<Activities/></TrainingCenterDatabase>";
  private static final LocalDate DAY = LocalDate.parse("2026-03-01");

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

  private static WebhookNotification day() {
    return WebhookNotification.of(Provider.FITBIT, "228S74", NotificationKind.ACTIVITY_UPDATED, "k")
        .withDay(DAY);
  }

  private static void list(String resource) {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("afterDate", equalTo("2026-02-28"))
            .willReturn(aResponse().withBody(PullTestSupport.resource(resource))));
  }

  private static void tcx(long logId, String body) {
    server.stubFor(
        get(urlEqualTo("/1/user/-/activities/" + logId + ".tcx"))
            .willReturn(aResponse().withBody(body)));
  }

  @Test
  void fetch_listsTheDay_andFetchesEachGpsLogOfThatDayAsTcx() {
    list("fitbit/activity-list.json");
    tcx(1002, TcxFixtures.anActivity().build());
    tcx(1003, TcxFixtures.anActivity().sport("Other").build());
    server.stubFor(
        get(urlEqualTo("/1/user/-/activities/1006.tcx")).willReturn(aResponse().withStatus(404)));

    List<FetchedActivity> fetched = fetcher.fetch(day(), ACCESS_TOKEN);

    assertThat(fetched)
        .extracting(FetchedActivity::providerActivityId)
        .containsExactly("1002", "1003");
    assertThat(fetched.get(0).mediaType()).isEqualTo(MediaTypes.TCX);
    assertThat(fetched.get(0).data().sport()).isEqualTo(Sport.CYCLING);
    assertThat(fetched.get(0).data().distanceMeters()).isCloseTo(480.0, Offset.offset(5.0));
    assertThat(fetched.get(1).data().sport())
        .as("from the log's activityTypeId")
        .isEqualTo(Sport.RUNNING);
    server.verify(
        getRequestedFor(urlPathEqualTo(LIST))
            .withQueryParam("afterDate", equalTo("2026-02-28"))
            .withQueryParam("sort", equalTo("asc"))
            .withQueryParam("offset", equalTo("0"))
            .withQueryParam("limit", equalTo("20"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(urlEqualTo("/1/user/-/activities/1002.tcx"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo(MediaTypes.TCX)));
    for (long skipped : new long[] {1001, 1004, 1005, 1007}) {
      server.verify(0, getRequestedFor(urlEqualTo("/1/user/-/activities/" + skipped + ".tcx")));
    }
  }

  @Test
  void fetch_aTcxWithoutAnActivity_isSkipped() {
    list("fitbit/activity-list.json");
    tcx(1002, EMPTY_TCX);
    tcx(1003, TcxFixtures.anActivity().build());
    tcx(1006, TcxFixtures.anActivity().build());

    assertThat(fetcher.fetch(day(), ACCESS_TOKEN))
        .extracting(FetchedActivity::providerActivityId)
        .containsExactly("1003", "1006");
  }

  @Test
  void fetch_aCorruptTcx_isRejected_andReturnsNothing() {
    list("fitbit/activity-list.json");
    tcx(1002, "<?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity");

    assertThatThrownBy(() -> fetcher.fetch(day(), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_followsPaginationOnFitbitsHost() {
    list("fitbit/activity-list-page1.json");
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("offset", equalTo("1"))
            .willReturn(
                aResponse().withBody(PullTestSupport.resource("fitbit/activity-list-page2.json"))));
    tcx(2002, TcxFixtures.anActivity().build());

    assertThat(fetcher.fetch(day(), ACCESS_TOKEN))
        .extracting(FetchedActivity::providerActivityId)
        .containsExactly("2002");
  }

  @Test
  void fetch_aPaginationLinkOffFitbitsHost_isRefused() {
    list("fitbit/activity-list-foreign-next.json");

    assertThatThrownBy(() -> fetcher.fetch(day(), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_rateLimited_readsFitbitsResetHeader() {
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(aResponse().withStatus(429).withHeader("Fitbit-Rate-Limit-Reset", "1200")));

    assertThatThrownBy(() -> fetcher.fetch(day(), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(1200));
            });
  }

  @Test
  void fetch_aNotificationWithoutDay_isRejected() {
    WebhookNotification noDay =
        WebhookNotification.of(Provider.FITBIT, "228S74", NotificationKind.ACTIVITY_UPDATED, "k");

    assertThatThrownBy(() -> fetcher.fetch(noDay, ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }
}
