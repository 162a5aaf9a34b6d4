package app.stride.devices.pull;

import static app.stride.devices.pull.PullTestSupport.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TrustedUrls;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status mapping, bounds and redirects of the shared HTTP helper against a local server. */
class ProviderHttpTest {
  private static WireMockServer server;

  private final ProviderHttp http = PullTestSupport.http();
  private ApiHosts hosts;

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
    hosts =
        new ApiHosts(
            Provider.WAHOO,
            PullTestSupport.apis(Provider.WAHOO, server),
            new TrustedUrls(Set.of("cdn.wahooligan.com")));
  }

  private FetchException failureOf(int status) {
    server.stubFor(get(urlEqualTo("/f")).willReturn(aResponse().withStatus(status)));
    return fetchFails();
  }

  private FetchException fetchFails() {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(this::fetch);
    assertThat(thrown).isInstanceOf(FetchException.class);
    assertThat(thrown.getMessage()).doesNotContain(TOKEN);
    return (FetchException) thrown;
  }

  private byte[] fetch() {
    return http.file(hosts, hosts.api("/f"), ProviderHttp.bearer(PullTestSupport.ACCESS_TOKEN));
  }

  @Test
  void errorAnswersWithAJsonBody_keepTheirMeaning_everyTime() {
    String googleError =
        "{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\","
            + "\"status\":\"PERMISSION_DENIED\"}}";
    for (int status : new int[] {403, 404}) {
      server.stubFor(
          get(urlEqualTo("/f"))
              .willReturn(
                  aResponse()
                      .withStatus(status)
                      .withHeader("Content-Type", "application/json")
                      .withBody(googleError)));
      for (int i = 0; i < 25; i++) {
        assertThat(fetchFails().reason())
            .as("status %d, attempt %d", status, i)
            .isEqualTo(status == 403 ? Reason.UNAUTHORIZED : Reason.NOT_FOUND);
      }
    }
  }

  @Test
  void get_returnsTheBody_andSendsTheBearerToken() {
    server.stubFor(get(urlEqualTo("/f")).willReturn(aResponse().withBody("abc")));

    assertThat(fetch()).containsExactly('a', 'b', 'c');
    server.verify(
        getRequestedFor(urlEqualTo("/f"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN)));
  }

  @Test
  void unauthorizedAndForbidden_areUnauthorized() {
    assertThat(failureOf(401).reason()).isEqualTo(Reason.UNAUTHORIZED);
    assertThat(failureOf(403).reason()).isEqualTo(Reason.UNAUTHORIZED);
  }

  @Test
  void notFoundAndGone_areNotFound() {
    assertThat(failureOf(404).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(failureOf(410).reason()).isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void tooManyRequests_isRateLimited_withRetryAfterSeconds() {
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    FetchException e = fetchFails();

    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void tooManyRequests_readsRetryAfterAsAnHttpDate() {
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "Sun, 01 Mar 2026 10:05:00 GMT")));

    assertThat(fetchFails().retryAfter()).contains(Duration.ofMinutes(5));
  }

  @Test
  void serverErrors_areUnavailable() {
    assertThat(failureOf(500).reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(failureOf(503).reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(failureOf(408).reason()).isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void otherClientErrors_areRejected() {
    assertThat(failureOf(400).reason()).isEqualTo(Reason.REJECTED);
  }

  @Test
  void aResetConnection_isUnavailable() {
    server.stubFor(
        get(urlEqualTo("/f")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(fetchFails().reason()).isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void aSlowAnswer_pastTheDeadline_isUnavailable() {
    ProviderHttp impatient = PullTestSupport.http(Duration.ofMillis(400), ImportLimits.DEFAULT);
    server.stubFor(get(urlEqualTo("/f")).willReturn(aResponse().withFixedDelay(3000)));

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.file(hosts, hosts.api("/f"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aBodyDribbledPastTheDeadline_isUnavailable() {
    ProviderHttp impatient = PullTestSupport.http(Duration.ofMillis(400), ImportLimits.DEFAULT);
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(aResponse().withBody(new byte[4096]).withChunkedDribbleDelay(8, 3000)));

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.file(hosts, hosts.api("/f"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aBodyDeclaredLargerThanTheFileLimit_isRejected() {
    ProviderHttp small = PullTestSupport.http(Duration.ofSeconds(2), smallLimits());
    server.stubFor(get(urlEqualTo("/f")).willReturn(aResponse().withBody(new byte[10_000])));

    assertThatThrownBy(() -> small.file(hosts, hosts.api("/f"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void aStreamedBodyPastTheFileLimit_isRejected_whateverItsHeaders() {
    ProviderHttp small = PullTestSupport.http(Duration.ofSeconds(2), smallLimits());
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(aResponse().withBody(new byte[10_000]).withChunkedDribbleDelay(5, 100)));

    assertThatThrownBy(() -> small.file(hosts, hosts.api("/f"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
  }

  @Test
  void aRedirectToATrustedHost_isFollowed_onTheRoutedOrigin() {
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "https://cdn.wahooligan.com/moved.fit?v=2")));
    server.stubFor(get(urlEqualTo("/moved.fit?v=2")).willReturn(aResponse().withBody("ok")));

    assertThat(new String(fetch(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("ok");
  }

  @Test
  void aRedirectOffTheTrustedHosts_isRefused_withoutFollowingIt() {
    String internal = server.baseUrl() + "/internal";
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", internal)));

    assertThat(fetchFails().reason()).isEqualTo(Reason.REJECTED);
    server.verify(0, getRequestedFor(urlEqualTo("/internal")));
  }

  @Test
  void aRedirectToTheCloudMetadataAddress_isRefused() {
    server.stubFor(
        get(urlEqualTo("/f"))
            .willReturn(
                aResponse()
                    .withStatus(307)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

    assertThat(fetchFails().reason()).isEqualTo(Reason.REJECTED);
  }

  @Test
  void aRedirectLoop_endsRejected() {
    server.stubFor(
        get(urlEqualTo("/f")).willReturn(aResponse().withStatus(302).withHeader("Location", "/f")));

    assertThat(fetchFails().reason()).isEqualTo(Reason.REJECTED);
    server.verify(4, getRequestedFor(urlEqualTo("/f")));
  }

  @Test
  void aNamedUrlOffTheTrustedHosts_isRefused_beforeAnyRequest() {
    assertThatThrownBy(() -> hosts.named(URI.create(server.baseUrl() + "/f")))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aClientThatFollowsRedirects_isRefused() {
    java.net.http.HttpClient following =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build();

    assertThatThrownBy(
            () ->
                new ProviderHttp(
                    following, Duration.ofSeconds(1), ImportLimits.DEFAULT, PullTestSupport.CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ImportLimits smallLimits() {
    return new ImportLimits(4096, 8192, 10, 8192, 100, 100_000);
  }
}
