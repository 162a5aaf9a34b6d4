package app.stride.edge.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OutboundHttp} against WireMock over loopback HTTP serving delays, server errors and
 * connection faults: the breaker opens within its window, sheds load without reaching the server,
 * half-opens after its (short) wait and closes again.
 */
class OutboundHttpIT {
  private static final String DEP = "partner-api";
  private static final String PATH = "/v1/offers";
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Duration OPEN_WAIT = Duration.ofMillis(300);

  private static WireMockServer server;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Meters meters = new Meters(registry, DEP);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private OutboundCalls calls;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  @AfterEach
  void stopWorkers() {
    calls.close();
  }

  /** Judges from 4 calls in 10 s, waits 300 ms open, 2 trials; 2 s limit; 2 slots. */
  private static DependencyPolicy policy() {
    BreakerPolicy breaker =
        DependencyPolicy.thirdPartyApi(DEP)
            .breaker()
            .withSlidingWindow(Duration.ofSeconds(10))
            .withMinimumCalls(4)
            .withSlowCalls(Duration.ofSeconds(2), 100)
            .withWaitInOpenState(OPEN_WAIT)
            .withPermittedCallsInHalfOpen(2);
    return new DependencyPolicy(
        DEP, Duration.ofSeconds(2), breaker, new BulkheadPolicy(2, Duration.ZERO));
  }

  private OutboundHttp http(DependencyPolicy policy) {
    calls = OutboundCalls.builder(registry).dependency(policy).build();
    return new OutboundHttp(CLIENT, calls, DEP);
  }

  private static HttpRequest offers() {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + PATH)).GET().build();
  }

  private static void answer(int status) {
    server.stubFor(get(PATH).willReturn(aResponse().withStatus(status).withBody("{}")));
  }

  private static ProblemException unavailable(OutboundHttp http) {
    try {
      HttpResponse<String> response = http.send(offers(), BodyHandlers.ofString());
      throw new AssertionError("expected a 503 problem, got " + response.statusCode());
    } catch (ProblemException e) {
      assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
      assertThat(e.problem().status()).isEqualTo(503);
      assertThat(e.headers()).containsKey("Retry-After");
      return e;
    }
  }

  private static int requests() {
    return server.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount();
  }

  @Test
  void healthyAnswer_isReturned_andCountedAsASuccess() {
    OutboundHttp http = http(policy());
    answer(200);

    HttpResponse<String> response = http.send(offers(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(1);
  }

  @Test
  void delayBeyondTheTimeLimit_answers503Promptly_insteadOfHanging() {
    OutboundHttp http = http(policy());
    server.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));

    ProblemException problem = assertTimeoutPreemptively(GENEROUS, () -> unavailable(http));

    assertThat(problem.headers()).containsEntry("Retry-After", "2");
    assertThat(meters.calls(CallOutcome.TIMEOUT)).isEqualTo(1);
  }

  @Test
  void burstOfServerErrors_opensTheBreaker_thenCallsAreShedWithoutReachingTheServer() {
    OutboundHttp http =
        http(policy().withBreaker(policy().breaker().withWaitInOpenState(Duration.ofSeconds(30))));
    answer(500);

    for (int i = 0; i < 4; i++) {
      ProblemException failed = unavailable(http);
      assertThat(failed.getCause()).isInstanceOf(DependencyServerError.class);
      assertThat(((DependencyServerError) failed.getCause()).status()).isEqualTo(500);
    }
    assertThat(meters.breakerState()).isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      ProblemException shed = unavailable(http);
      assertThat(Long.parseLong(shed.headers().get("Retry-After"))).isBetween(1L, 30L);
    }

    assertThat(requests()).isEqualTo(4);
    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(4);
    assertThat(meters.calls(CallOutcome.REJECTED_OPEN)).isEqualTo(10);
  }

  @Test
  void openBreaker_halfOpensAfterItsWait_andClosesAgainOnSuccesses() throws InterruptedException {
    OutboundHttp http = http(policy());
    answer(503);
    for (int i = 0; i < 4; i++) {
      unavailable(http);
    }
    assertThat(meters.breakerState()).isEqualTo(1);
    answer(200);

    Thread.sleep(OPEN_WAIT.multipliedBy(3).toMillis());
    HttpResponse<String> trial = http.send(offers(), BodyHandlers.ofString());
    int stateAfterOneTrial = meters.breakerState();
    http.send(offers(), BodyHandlers.ofString());

    assertThat(trial.statusCode()).isEqualTo(200);
    assertThat(stateAfterOneTrial).isEqualTo(2);
    assertThat(meters.breakerState()).isZero();
    assertThat(requests()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void connectionFaults_countAsFailures_andOpenTheBreaker(Fault fault) {
    OutboundHttp http = http(policy());
    server.stubFor(get(PATH).willReturn(aResponse().withFault(fault)));

    for (int i = 0; i < 4; i++) {
      ProblemException failed = assertTimeoutPreemptively(GENEROUS, () -> unavailable(http));
      assertThat(failed.getCause()).isInstanceOf(IOException.class);
    }

    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(4);
    assertThat(meters.breakerState()).isEqualTo(1);
  }

  @Test
  void clientErrors_areAnswersOfAHealthyDependency_andNeverOpenTheBreaker() {
    OutboundHttp http = http(policy());
    answer(404);

    for (int i = 0; i < 10; i++) {
      assertThat(http.send(offers(), BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(10);
    assertThat(requests()).isEqualTo(10);
  }

  @Test
  void fullBulkhead_rejectsWith503_withoutReachingTheServer() throws Exception {
    OutboundHttp http =
        http(
            policy()
                .withCallTimeout(Duration.ofSeconds(8))
                .withBulkhead(new BulkheadPolicy(1, Duration.ZERO)));
    server.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
    CompletableFuture<HttpResponse<String>> occupying =
        CompletableFuture.supplyAsync(() -> http.send(offers(), BodyHandlers.ofString()));
    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          while (requests() == 0) {
            Thread.sleep(10);
          }
        });

    ProblemException refused = assertTimeoutPreemptively(GENEROUS, () -> unavailable(http));

    assertThat(refused.headers()).containsEntry("Retry-After", "2");
    assertThat(meters.calls(CallOutcome.REJECTED_BULKHEAD)).isEqualTo(1);
    assertThat(occupying.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void fallback_answersWhenTheDependencyFails_andWhileTheBreakerIsOpen() {
    OutboundHttp http =
        http(policy().withBreaker(policy().breaker().withWaitInOpenState(Duration.ofSeconds(30))));
    answer(502);

    for (int i = 0; i < 6; i++) {
      String answer =
          http.send(
              offers(),
              BodyHandlers.ofString(),
              HttpResponse::body,
              failure -> "[] from " + failure.getClass().getSimpleName());
      assertThat(answer)
          .isEqualTo(i < 4 ? "[] from DependencyServerError" : "[] from CallNotPermittedException");
    }

    assertThat(requests()).isEqualTo(4);
  }

  @Test
  void reader_seesTheBodyOfAHealthyAnswer() {
    OutboundHttp http = http(policy());
    server.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withBody("[\"10% off\"]")));

    String body = http.send(offers(), BodyHandlers.ofString(), HttpResponse::body, failure -> "[]");

    assertThat(body).isEqualTo("[\"10% off\"]");
  }
}
