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
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wahoo workout files from the notified CDN URL, and the SSRF guard in front of them. */
class WahooFetcherTest {
  private static final String FILE_PATH =
      "/wahoo-cloud/production/uploads/workout_file/file/WpHvKL3i/2026-03-01-ELEMNT.fit";
  private static final URI FILE_URL = URI.create("https://cdn.wahooligan.com" + FILE_PATH);

  private static WireMockServer server;
  private WahooFetcher fetcher;

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
        new WahooFetcher(PullTestSupport.http(), PullTestSupport.apis(Provider.WAHOO, server));
  }

  private static WebhookNotification workout(URI fileUrl) {
    return created(Provider.WAHOO, "147564736").withFileUrl(fileUrl);
  }

  @Test
  void fetch_downloadsTheNotifiedFile_withoutSendingTheToken() {
    server.stubFor(
        get(urlEqualTo(FILE_PATH)).willReturn(aResponse().withBody(FitFixtures.aRide().build())));

    FetchedActivity fetched = fetcher.fetch(workout(FILE_URL), ACCESS_TOKEN).get(0);

    assertThat(fetched.providerActivityId()).isEqualTo("147564736");
    assertThat(fetched.data().sport()).isEqualTo(Sport.CYCLING);
    assertThat(fetched.data().distanceMeters()).isCloseTo(4800.0, Offset.offset(0.5));
    server.verify(getRequestedFor(urlEqualTo(FILE_PATH)).withHeader("Authorization", absent()));
  }

  @Test
  void fetch_aFileUrlOnAForeignHost_isRefused_withoutAnyRequest() {
    assertRefused(URI.create("https://evil.example/x.fit"));
  }

  @Test
  void fetch_aFileUrlOnALookAlikeHost_isRefused() {
    assertRefused(URI.create("https://cdn.wahooligan.com.evil.example" + FILE_PATH));
  }

  @Test
  void fetch_aFileUrlPointingAtAnInternalAddress_isRefused_withoutAnyRequest() {
    assertRefused(URI.create(server.baseUrl() + FILE_PATH));
    assertRefused(URI.create("http://169.254.169.254/latest/meta-data/"));
  }

  @Test
  void fetch_plainHttpOnTheTrustedHost_isRefused() {
    assertRefused(URI.create("http://cdn.wahooligan.com" + FILE_PATH));
  }

  @Test
  void fetch_aSummaryWithoutFile_announcesNothing() {
    assertThat(fetcher.fetch(created(Provider.WAHOO, "147564736"), ACCESS_TOKEN)).isEmpty();
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  private void assertRefused(URI url) {
    assertThatThrownBy(() -> fetcher.fetch(workout(url), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
