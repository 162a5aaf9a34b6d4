package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.ACCESS_TOKEN;
import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static app.stride.devices.pull.PullTestSupport.created;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polar AccessLink exercise FIT downloads against a local stand-in. */
class PolarFetcherTest {
  private static final String FIT_PATH = "/v3/exercises/aQlC83/fit";

  private static WireMockServer server;
  private PolarFetcher fetcher;

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
        new PolarFetcher(PullTestSupport.http(), PullTestSupport.apis(Provider.POLAR, server));
  }

  @Test
  void fetch_downloadsTheExerciseFit_withTheBearerToken() {
    byte[] fit = FitFixtures.aRun().build();
    server.stubFor(get(urlEqualTo(FIT_PATH)).willReturn(aResponse().withBody(fit)));

    List<FetchedActivity> fetched = fetcher.fetch(created(Provider.POLAR, "aQlC83"), ACCESS_TOKEN);

    assertThat(fetched).hasSize(1);
    FetchedActivity activity = fetched.get(0);
    assertThat(activity.providerActivityId()).isEqualTo("aQlC83");
    assertThat(activity.mediaType()).isEqualTo(MediaTypes.FIT);
    assertThat(activity.original()).isEqualTo(fit);
    assertThat(activity.data().sport()).isEqualTo(Sport.RUNNING);
    assertThat(activity.data().distanceMeters())
        .isCloseTo(1800.0, org.assertj.core.data.Offset.offset(0.5));
    server.verify(
        getRequestedFor(urlEqualTo(FIT_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("*/*")));
  }

  @Test
  void fetch_aCorruptFile_isRejected_andReturnsNothing() {
    byte[] corrupt = PullTestSupport.corrupted(FitFixtures.aRun().build());
    server.stubFor(get(urlEqualTo(FIT_PATH)).willReturn(aResponse().withBody(corrupt)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.POLAR, "aQlC83"), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void fetch_aRefusedToken_isUnauthorized() {
    server.stubFor(get(urlEqualTo(FIT_PATH)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.POLAR, "aQlC83"), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
  }

  @Test
  void fetch_aGoneExercise_isNotFound() {
    server.stubFor(get(urlEqualTo(FIT_PATH)).willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> fetcher.fetch(created(Provider.POLAR, "aQlC83"), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void fetch_anIdThatWouldChangeThePath_isRejected_withoutARequest() {
    assertThatThrownBy(
            () -> fetcher.fetch(created(Provider.POLAR, "../../admin?x=1"), ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_aDeletion_announcesNothing_andMakesNoRequest() {
    WebhookNotification deleted =
        WebhookNotification.of(Provider.POLAR, "user-1", NotificationKind.ACTIVITY_DELETED, "k")
            .withActivityId("aQlC83");

    assertThat(fetcher.fetch(deleted, ACCESS_TOKEN)).isEmpty();
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetch_anotherProvidersNotification_isRefused() {
    assertThatThrownBy(() -> fetcher.fetch(created(Provider.SUUNTO, "aQlC83"), ACCESS_TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
