package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.created;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.pull.FetchException.Reason;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COROS FIT files from the push's URL, and the SSRF guard in front of them. */
class CorosFetcherTest {
  private static final String FILE_PATH = "/fit/427281627823456789.fit";
  private static final URI FILE_URL = URI.create("https://oss.coros.com" + FILE_PATH);

  private static WireMockServer server;
  private CorosFetcher fetcher;

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
        new CorosFetcher(PullTestSupport.http(), PullTestSupport.apis(Provider.COROS, server));
  }

  @Test
  void fetch_downloadsTheFitUrl() {
    server.stubFor(
        get(urlEqualTo(FILE_PATH)).willReturn(aResponse().withBody(FitFixtures.aRun().build())));

    FetchedActivity fetched =
        fetcher
            .fetch(
                created(Provider.COROS, "427281627823456789").withFileUrl(FILE_URL), ACCESS_TOKEN)
            .get(0);

    assertThat(fetched.data().sport()).isEqualTo(Sport.RUNNING);
    assertThat(fetched.data().distanceMeters()).isCloseTo(1800.0, Offset.offset(0.5));
    server.verify(getRequestedFor(urlEqualTo(FILE_PATH)).withHeader("Authorization", absent()));
  }

  @Test
  void fetch_aFitUrlOffCorosHosts_isRefused_withoutAnyRequest() {
    URI foreign = URI.create("https://coros.com.evil.example" + FILE_PATH);

    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    created(Provider.COROS, "427281627823456789").withFileUrl(foreign),
                    ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_anOversizeFile_isRejected_andReturnsNothing() {
    CorosFetcher small =
        new CorosFetcher(
            PullTestSupport.http(
                Duration.ofSeconds(2), new ImportLimits(4096, 8192, 10, 8192, 100, 100_000)),
            PullTestSupport.apis(Provider.COROS, server));
    server.stubFor(
        get(urlEqualTo(FILE_PATH)).willReturn(aResponse().withBody(FitFixtures.aRun().build())));

    assertThatThrownBy(
            () ->
                small.fetch(
                    created(Provider.COROS, "427281627823456789").withFileUrl(FILE_URL),
                    ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_aSlowFileHost_isUnavailable() {
    CorosFetcher impatient =
        new CorosFetcher(
            PullTestSupport.http(Duration.ofMillis(300), ImportLimits.DEFAULT),
            PullTestSupport.apis(Provider.COROS, server));
    server.stubFor(get(urlEqualTo(FILE_PATH)).willReturn(aResponse().withFixedDelay(2000)));

    assertThatThrownBy(
            () ->
                impatient.fetch(
                    created(Provider.COROS, "427281627823456789").withFileUrl(FILE_URL),
                    ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
  }
}
