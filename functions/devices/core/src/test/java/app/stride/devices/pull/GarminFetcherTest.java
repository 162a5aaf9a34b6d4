package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.files.xml.TcxFixtures;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garmin ping/pull: notified files, pulled lists of files, and the SSRF guard on both. */
class GarminFetcherTest {
  private static final String FILE_1 = "/wellness-api/rest/activityFile?id=37f8d9fb&token=abc";
  private static final String FILE_2 = "/wellness-api/rest/activityFile?id=4a01c2&token=def";
  private static final String PULL =
      "/wellness-api/rest/activityFile?uploadStartTimeInSeconds=1772359200"
          + "&uploadEndTimeInSeconds=1772359260&token=xyz";

  private static WireMockServer server;
  private GarminFetcher fetcher;

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
        new GarminFetcher(PullTestSupport.http(), PullTestSupport.apis(Provider.GARMIN, server));
  }

  private static WebhookNotification notification() {
    return WebhookNotification.of(
        Provider.GARMIN,
        "4aacafe82427c251df9c9592d0c06768",
        NotificationKind.ACTIVITY_CREATED,
        "k");
  }

  private static URI garmin(String pathAndQuery) {
    return URI.create("https://apis.garmin.com" + pathAndQuery);
  }

  @Test
  void fetch_aNotifiedFile_isDownloadedWithTheBearerToken() {
    server.stubFor(
        get(urlEqualTo(FILE_1)).willReturn(aResponse().withBody(FitFixtures.aRun().build())));

    List<FetchedActivity> fetched =
        fetcher.fetch(
            notification().withActivityId("37f8d9fb").withFileUrl(garmin(FILE_1)), ACCESS_TOKEN);

    assertThat(fetched)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.providerActivityId()).isEqualTo("37f8d9fb");
              assertThat(a.data().sport()).isEqualTo(Sport.RUNNING);
              assertThat(a.data().distanceMeters()).isCloseTo(1800.0, Offset.offset(0.5));
            });
    server.verify(
        getRequestedFor(urlEqualTo(FILE_1))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void fetch_aNotifiedFileWithoutSummaryId_takesTheUrlsId() {
    server.stubFor(
        get(urlEqualTo(FILE_1)).willReturn(aResponse().withBody(FitFixtures.aRun().build())));

    List<FetchedActivity> fetched =
        fetcher.fetch(notification().withFileUrl(garmin(FILE_1)), ACCESS_TOKEN);

    assertThat(fetched.get(0).providerActivityId()).isEqualTo("37f8d9fb");
  }

  @Test
  void fetch_aTcxFile_isToldByItsBytes() {
    server.stubFor(
        get(urlEqualTo(FILE_1)).willReturn(aResponse().withBody(TcxFixtures.anActivity().build())));

    FetchedActivity fetched =
        fetcher
            .fetch(
                notification().withActivityId("37f8d9fb").withFileUrl(garmin(FILE_1)), ACCESS_TOKEN)
            .get(0);

    assertThat(fetched.mediaType()).isEqualTo(MediaTypes.TCX);
    assertThat(fetched.data().sport()).isEqualTo(Sport.CYCLING);
  }

  @Test
  void fetch_aPing_pullsTheCallback_andDownloadsEveryFileItNames() {
    server.stubFor(
        get(urlEqualTo(PULL))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(PullTestSupport.resource("garmin/activity-files-pull.json"))));
    server.stubFor(
        get(urlEqualTo(FILE_1)).willReturn(aResponse().withBody(FitFixtures.aRun().build())));
    server.stubFor(
        get(urlEqualTo(FILE_2)).willReturn(aResponse().withBody(FitFixtures.aRide().build())));

    List<FetchedActivity> fetched =
        fetcher.fetch(notification().withCallbackUrl(garmin(PULL)), ACCESS_TOKEN);

    assertThat(fetched)
        .extracting(FetchedActivity::providerActivityId)
        .containsExactly("37f8d9fb", "4a01c2");
    assertThat(fetched.get(1).data().sport()).isEqualTo(Sport.CYCLING);
    server.verify(
        getRequestedFor(urlEqualTo(PULL)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(urlEqualTo(FILE_2))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void fetch_aPullNamingAForeignUrl_isRefused_beforeAnyFileIsDownloaded() {
    server.stubFor(
        get(urlEqualTo(PULL))
            .willReturn(
                aResponse().withBody(PullTestSupport.resource("garmin/pull-foreign-url.json"))));

    assertThatThrownBy(
            () -> fetcher.fetch(notification().withCallbackUrl(garmin(PULL)), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(
        0,
        getRequestedFor(urlPathEqualTo("/wellness-api/rest/activityFile"))
            .withQueryParam("id", equalTo("37f8d9fb")));
  }

  @Test
  void fetch_aCallbackOnAForeignHost_isRefused_withoutAnyRequest() {
    WebhookNotification foreign =
        notification().withCallbackUrl(URI.create("https://apis.garmin.com.attacker.example/x"));

    assertThatThrownBy(() -> fetcher.fetch(foreign, ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_anExpiredCallback_isNotFound() {
    server.stubFor(get(urlEqualTo(PULL)).willReturn(aResponse().withStatus(410)));

    assertThatThrownBy(
            () -> fetcher.fetch(notification().withCallbackUrl(garmin(PULL)), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void fetch_aPullThatIsNotJson_isRejected() {
    server.stubFor(get(urlEqualTo(PULL)).willReturn(aResponse().withBody("<html/>")));

    assertThatThrownBy(
            () -> fetcher.fetch(notification().withCallbackUrl(garmin(PULL)), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }
}
