package app.stride.edge.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.testkit.tokens.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access-token verifier fetching its JWKS from WireMock through {@link
 * GuardedResourceRetriever}: a healthy JWKS verifies tokens; delays past the limit and connection
 * resets answer {@code 503 dependency-unavailable} with {@code Retry-After} (never 401) and open
 * the breaker, which then sheds fetches without reaching the server.
 */
class GuardedJwksIT {
  private static final String PATH = "/.well-known/jwks.json";
  private static final TestTokens TOKENS = new TestTokens();

  private static WireMockServer server;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Meters meters = new Meters(registry, GuardedResourceRetriever.JWKS);
  private OutboundCalls calls;
  private JwtTokenVerifier verifier;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /** 600 ms per fetch; the breaker judges from 3 fetches and stays open 30 s. */
  @BeforeEach
  void verifier() {
    server.resetAll();
    DependencyPolicy policy =
        GuardedResourceRetriever.jwksPolicy()
            .withBreaker(
                GuardedResourceRetriever.jwksPolicy()
                    .breaker()
                    .withSlowCalls(Duration.ofMillis(500), 100)
                    .withMinimumCalls(3)
                    .withWaitInOpenState(Duration.ofSeconds(30)))
            .withCallTimeout(Duration.ofMillis(600));
    calls = OutboundCalls.builder(registry).dependency(policy).build();
    verifier =
        JwtTokenVerifier.forJwksUrl(
            URI.create(server.baseUrl() + PATH),
            TOKENS.issuer(),
            TOKENS.audience(),
            Clock.systemUTC(),
            Optional.empty(),
            new GuardedResourceRetriever(
                JwtTokenVerifier.jwksRetriever(), calls, GuardedResourceRetriever.JWKS));
  }

  @AfterEach
  void stopWorkers() {
    calls.close();
  }

  private static void answer(ResponseDefinitionBuilder response) {
    server.stubFor(get(PATH).willReturn(response));
  }

  private static ResponseDefinitionBuilder jwks() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(TOKENS.publicJwks());
  }

  private static int fetches() {
    return server.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount();
  }

  private void unavailable() {
    assertThatThrownBy(() -> verifier.verify(TOKENS.accessToken("ana", "eu")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
              assertThat(e.headers()).containsKey("Retry-After");
            });
  }

  @Test
  void healthyJwks_verifiesTokens_throughTheGuard() {
    answer(jwks());

    Principal caller = verifier.verify(TOKENS.accessToken("ana", "eu"));

    assertThat(caller.userId()).isEqualTo("ana");
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(1);
  }

  @Test
  void delayPastTheLimit_answers503Quickly_notA401() {
    answer(jwks().withFixedDelay(3_000));

    long start = System.nanoTime();
    unavailable();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    assertThat(meters.calls(CallOutcome.TIMEOUT)).isPositive();
  }

  @Test
  void connectionResets_openTheBreaker_thenFetchesAreShedWithoutReachingTheServer() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    while (meters.breakerState() != 1 && fetches() < 10) {
      unavailable();
    }
    assertThat(meters.breakerState()).isEqualTo(1);
    int reached = fetches();

    unavailable();
    unavailable();

    assertThat(fetches()).isEqualTo(reached);
    assertThat(meters.calls(CallOutcome.REJECTED_OPEN)).isPositive();
  }
}
