package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static app.stride.devices.pull.PullTestSupport.created;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.pull.FetchException.Reason;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suunto workout FIT exports against a local stand-in. */
class SuuntoFetcherTest {
  private static final String KEY = "5e4a1b2c3d4e5f60718293a4";
  private static final String PATH = "/v2/workout/exportFit/" + KEY;
  private static final String SUBSCRIPTION = "subscription-key-never-logged";

  private static WireMockServer server;
  private SuuntoFetcher fetcher;

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
        new SuuntoFetcher(
            PullTestSupport.http(),
            PullTestSupport.apis(Provider.SUUNTO, server),
            Secret.of(SUBSCRIPTION));
  }

  @Test
  void fetch_exportsTheWorkoutFit_withTokenAndSubscriptionKey() {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(aResponse().withBody(FitFixtures.aRide().build())));

    List<FetchedActivity> fetched = fetcher.fetch(created(Provider.SUUNTO, KEY), ACCESS_TOKEN);

    assertThat(fetched)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.providerActivityId()).isEqualTo(KEY);
              assertThat(a.data().sport()).isEqualTo(Sport.CYCLING);
              assertThat(a.data().distanceMeters()).isCloseTo(4800.0, Offset.offset(0.5));
            });
    server.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader(SuuntoFetcher.SUBSCRIPTION_HEADER, equalTo(SUBSCRIPTION)));
  }

  @Test
  void fetch_rateLimited_carriesRetryAfter() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.SUUNTO, KEY), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
              assertThat(e.getMessage()).doesNotContain(SUBSCRIPTION).doesNotContain(TOKEN);
            });
  }

  @Test
  void fetch_aServerError_isUnavailable() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.SUUNTO, KEY), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
  }

  @Test
  void fetch_notFitBytes_isRejected() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withBody("<html>oops</html>")));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.SUUNTO, KEY), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }
}
