package app.stride.edge.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.directory.http.DirectoryApi;
import app.stride.core.directory.http.DirectoryRequestSigner;
import app.stride.core.directory.http.HttpDirectory;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ResilientDirectory} over the real {@link HttpDirectory} client, against WireMock serving
 * the directory API's answers ({@link DirectoryApi}): 200, 404 and 409 are a healthy directory; 503
 * and 429 are an outage that opens the breaker; 401 is a deployment mistake that does not.
 */
class ResilientDirectoryIT {
  private static final byte[] API_SECRET =
      "directory-api-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final DirectoryKey ANA =
      new DirectoryKeys(
              "directory-key-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8))
          .of("ana@example.com");
  private static final String ENTRY = DirectoryApi.ENTRIES_PATH + ANA.value();
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private static WireMockServer server;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Meters meters = new Meters(registry, ResilientDirectory.DEPENDENCY);
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

  /** The default policy, judging from 3 calls and staying open 30 s. */
  private DirectoryPort directory(Duration callTimeout) {
    DependencyPolicy defaults = ResilientDirectory.defaultPolicy();
    DependencyPolicy policy =
        new DependencyPolicy(
            ResilientDirectory.DEPENDENCY,
            callTimeout,
            defaults
                .breaker()
                .withSlowCalls(callTimeout, 100)
                .withMinimumCalls(3)
                .withWaitInOpenState(Duration.ofSeconds(30)),
            defaults.bulkhead());
    calls =
        OutboundCalls.builder(registry)
            .dependency(policy, ResilientDirectory::countsAsFailure)
            .build();
    HttpDirectory http =
        new HttpDirectory(
            URI.create(server.baseUrl()),
            new DirectoryRequestSigner(API_SECRET),
            HttpDirectory.defaultClient(),
            Clock.systemUTC());
    return new ResilientDirectory(http, calls);
  }

  private DirectoryPort directory() {
    return directory(ResilientDirectory.defaultPolicy().callTimeout());
  }

  private static ResponseDefinitionBuilder problem(ProblemType type) {
    return aResponse()
        .withStatus(type.status())
        .withHeader("Content-Type", Problem.MEDIA_TYPE)
        .withBody(
            "{\"type\":\""
                + type.uri()
                + "\",\"title\":\""
                + type.title()
                + "\",\"status\":"
                + type.status()
                + "}");
  }

  private static int requests() {
    return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
  }

  @Test
  void homeRegion_isReadThroughTheGuard() {
    DirectoryPort directory = directory();
    server.stubFor(
        get(urlEqualTo(ENTRY))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"region\":\"eu\"}")));

    assertThat(directory.homeRegion(ANA)).contains(RegionId.of("eu"));
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(1);
  }

  @Test
  void unknownKey_isEmpty_andAHealthyAnswer() {
    DirectoryPort directory = directory();
    server.stubFor(get(urlEqualTo(ENTRY)).willReturn(problem(ProblemType.NOT_FOUND)));

    for (int i = 0; i < 5; i++) {
      assertThat(directory.homeRegion(ANA)).isEmpty();
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(5);
  }

  @Test
  void takenKey_staysAVersionConflict_andNeverOpensTheBreaker() {
    DirectoryPort directory = directory();
    server.stubFor(put(urlEqualTo(ENTRY)).willReturn(problem(ProblemType.CONFLICT)));

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> directory.register(ANA, RegionId.of("us")))
          .isInstanceOf(VersionConflictException.class);
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(requests()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 500, 429})
  void outage_keepsThePortsContract_thenOpensTheBreaker_andShedsCallsWith503(int status) {
    DirectoryPort directory = directory();
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", Problem.MEDIA_TYPE)
                    .withHeader("Retry-After", "2")
                    .withBody("{\"status\":" + status + "}")));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> directory.homeRegion(ANA))
          .isInstanceOf(StoreUnavailableException.class);
    }
    assertThat(meters.breakerState()).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> directory.remove(ANA))
          .isInstanceOfSatisfying(
              ProblemException.class,
              shed -> {
                assertThat(shed.problem().type())
                    .isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
                assertThat(shed.headers()).containsKey("Retry-After");
              });
    }

    assertThat(requests()).isEqualTo(3);
    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(3);
    assertThat(meters.calls(CallOutcome.REJECTED_OPEN)).isEqualTo(5);
  }

  @Test
  void refusedSignature_isADeploymentMistake_notAnOutage() {
    DirectoryPort directory = directory();
    server.stubFor(any(anyUrl()).willReturn(problem(ProblemType.UNAUTHORIZED)));

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> directory.homeRegion(ANA)).isInstanceOf(IllegalStateException.class);
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(requests()).isEqualTo(5);
  }

  @Test
  void slowDirectory_answers503Promptly_insteadOfHanging() {
    DirectoryPort directory = directory(Duration.ofMillis(500));
    server.stubFor(
        get(urlEqualTo(ENTRY))
            .willReturn(
                aResponse().withStatus(200).withBody("{\"region\":\"eu\"}").withFixedDelay(5_000)));

    assertTimeoutPreemptively(
        GENEROUS,
        () ->
            assertThatThrownBy(() -> directory.homeRegion(ANA))
                .isInstanceOfSatisfying(
                    ProblemException.class,
                    problem -> {
                      assertThat(problem.problem().type())
                          .isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
                      assertThat(problem.headers()).containsEntry("Retry-After", "2");
                    }));

    assertThat(meters.calls(CallOutcome.TIMEOUT)).isEqualTo(1);
  }

  @Test
  void decorator_needsTheDirectoryDependency() {
    calls =
        OutboundCalls.builder(registry).dependency(DependencyPolicy.thirdPartyApi("other")).build();
    DirectoryPort unguarded =
        new HttpDirectory(
            URI.create(server.baseUrl()),
            new DirectoryRequestSigner(API_SECRET),
            HttpDirectory.defaultClient(),
            Clock.systemUTC());

    assertThatThrownBy(() -> new ResilientDirectory(unguarded, calls))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ResilientDirectory.DEPENDENCY);
  }
}
