package app.stride.devices.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.devices.domain.Provider;
import app.stride.edge.resilience.OutboundCalls;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token endpoints' breaker, against a local stand-in of a provider's token endpoint. */
class GuardedTokenEndpointTest {
  private static final Instant NOW = Instant.parse("2026-11-27T04:00:00Z");
  private static final ClientCredentials CLIENT =
      new ClientCredentials("c", Secret.of("s"), URI.create("https://stride.app/connect"));

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(options().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TokenEndpoint guarded =
      GuardedTokenEndpoint.guard(
          new OAuthClient(HttpClient.newHttpClient(), Duration.ofSeconds(2)), meters);

  @Test
  void aProviderOutage_opensItsBreaker_thenCallsAreRefusedAtOnce_andOtherProvidersAreUntouched() {
    server.stubFor(post("/strava/token").willReturn(aResponse().withStatus(503)));
    server.stubFor(
        post("/wahoo/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"at\",\"expires_in\":7200}")));

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> exchange(Provider.STRAVA))
          .isInstanceOfSatisfying(
              OAuthException.class,
              e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
    }
    assertThatThrownBy(() -> exchange(Provider.STRAVA))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
              assertThat(e.headers()).containsKey("Retry-After");
            });

    server.verify(10, postRequestedFor(urlEqualTo("/strava/token")));
    assertThat(exchange(Provider.WAHOO).accessToken().reveal()).isEqualTo("at");
    assertThat(
            meters
                .get(OutboundCalls.BREAKER_STATE_METER)
                .tag(OutboundCalls.DEPENDENCY_TAG, "oauth-strava")
                .gauge()
                .value())
        .isEqualTo(1.0);
  }

  @Test
  void refusedCodes_areTheProviderAnswering_andNeverOpenTheBreaker() {
    server.stubFor(
        post("/strava/token")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

    for (int i = 0; i < 15; i++) {
      assertThatThrownBy(() -> exchange(Provider.STRAVA))
          .isInstanceOfSatisfying(
              OAuthException.class,
              e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.REJECTED));
    }
    server.verify(15, postRequestedFor(urlEqualTo("/strava/token")));
  }

  private ProviderTokens exchange(Provider provider) {
    ProviderEndpoints endpoints =
        ProviderCatalog.endpoints(provider)
            .orElseThrow()
            .withTokenUrl(URI.create(server.baseUrl() + "/" + provider.wire() + "/token"));
    return guarded.exchange(endpoints, CLIENT, "code", Optional.empty(), NOW);
  }
}
