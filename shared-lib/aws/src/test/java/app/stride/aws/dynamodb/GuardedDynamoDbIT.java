package app.stride.aws.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.stride.core.config.Env;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.StoreResilience;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A guarded DynamoDB client against WireMock speaking DynamoDB's HTTP JSON protocol (AWS JSON 1.0,
 * {@code X-Amz-Target}), with faults: server errors, throttling, delays past the time limit and
 * connection resets open the breaker within its window; an open breaker refuses at once with a
 * {@code 503 store-unavailable} and {@code Retry-After}, sending nothing; after its wait it
 * half-opens and closes again when the store answers. Conditional-check failures and other 4xx
 * answers are the store answering and never open it.
 */
class GuardedDynamoDbIT {
  private static final String JSON = "application/x-amz-json-1.0";
  private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
  private static final long OPEN_MS = 1_000;

  private static WireMockServer server;

  private SimpleMeterRegistry registry;
  private DynamoDbClient client;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /**
   * The guard as infra would configure it through the environment: 400 ms per call, 200 ms per
   * attempt, 2 attempts; the breaker judges from 4 calls, stays open 1 s, 2 trial calls; 3 slots.
   */
  @BeforeEach
  void guardedClient() {
    server.resetAll();
    client = client(Map.of());
  }

  private DynamoDbClient client(Map<String, String> overrides) {
    registry = new SimpleMeterRegistry();
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "STRIDE_OUTBOUND_DYNAMODB_CALL_TIMEOUT_MS", "400",
                "STRIDE_OUTBOUND_DYNAMODB_ATTEMPT_TIMEOUT_MS", "200",
                "STRIDE_OUTBOUND_DYNAMODB_MAX_ATTEMPTS", "2",
                "STRIDE_OUTBOUND_DYNAMODB_MIN_CALLS", "4",
                "STRIDE_OUTBOUND_DYNAMODB_WINDOW_SECONDS", "10",
                "STRIDE_OUTBOUND_DYNAMODB_OPEN_MS", Long.toString(OPEN_MS),
                "STRIDE_OUTBOUND_DYNAMODB_HALF_OPEN_CALLS", "2",
                "STRIDE_OUTBOUND_DYNAMODB_MAX_CONCURRENT", "3",
                "STRIDE_OUTBOUND_DYNAMODB_BULKHEAD_WAIT_MS", "0"));
    env.putAll(overrides);
    StoreResilience resilience = StoreResilience.fromEnv(new Env(env), DynamoDbGuard.DEPENDENCY);
    return DynamoDbClients.client(
        new DynamoDbSettings(Region.EU_CENTRAL_1, Optional.of(URI.create(server.baseUrl()))),
        DynamoDbGuard.create(resilience, registry));
  }

  private static void answer(ResponseDefinitionBuilder response) {
    server.stubFor(post(anyUrl()).willReturn(response));
  }

  private static ResponseDefinitionBuilder item() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", JSON)
        .withBody("{\"Item\":{\"pk\":{\"S\":\"USER#ana\"}}}");
  }

  private static ResponseDefinitionBuilder error(int status, String type) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"" + ERROR_PREFIX + type + "\",\"message\":\"injected\"}");
  }

  /** A GetItem as an adapter makes it: through {@link DynamoFailures}. */
  private Map<String, AttributeValue> getItem() {
    return DynamoFailures.call(
        () ->
            client
                .getItem(
                    b ->
                        b.tableName("stride-profiles-eu")
                            .key(Map.of("pk", AttributeValue.fromS("USER#ana"))))
                .item());
  }

  /** A conditional PutItem as an adapter makes it. */
  private void putIfAbsent() {
    DynamoFailures.run(
        () ->
            client.putItem(
                b ->
                    b.tableName("stride-profiles-eu")
                        .item(Map.of("pk", AttributeValue.fromS("USER#ana")))
                        .conditionExpression("attribute_not_exists(pk)")));
  }

  private StoreUnavailableException unavailable() {
    try {
      getItem();
      throw new AssertionError("expected a 503 store-unavailable");
    } catch (StoreUnavailableException e) {
      assertThat(e.problem().type()).isEqualTo(ProblemType.STORE_UNAVAILABLE.uri());
      assertThat(e.problem().status()).isEqualTo(503);
      assertThat(e.headers()).containsKey("Retry-After");
      return e;
    }
  }

  private int breakerState() {
    return (int)
        registry
            .get(OutboundCalls.BREAKER_STATE_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, DynamoDbGuard.DEPENDENCY)
            .gauge()
            .value();
  }

  private long calls(String outcome) {
    return (long)
        registry
            .get(OutboundCalls.CALLS_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, DynamoDbGuard.DEPENDENCY)
            .tag("outcome", outcome)
            .counter()
            .count();
  }

  private static int requests() {
    return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
  }

  private void open() {
    answer(error(500, "InternalServerError"));
    for (int i = 0; i < 4; i++) {
      unavailable();
    }
    assertThat(breakerState()).isEqualTo(1);
  }

  @Test
  void healthyStore_answersThroughTheGuard_andCountsSuccesses() {
    answer(item());

    assertThat(getItem()).containsKey("pk");
    assertThat(getItem()).containsKey("pk");

    assertThat(calls("success")).isEqualTo(2);
    assertThat(breakerState()).isZero();
  }

  @Test
  void serverErrorBurst_opensTheBreaker_thenCallsAreShedWithoutReachingTheStore() {
    open();
    assertThat(calls("failure")).isEqualTo(4);
    server.resetRequests();

    StoreUnavailableException shed =
        assertTimeoutPreemptively(Duration.ofMillis(200), this::unavailable);

    assertThat(requests()).isZero();
    assertThat(shed.headers().get("Retry-After")).isEqualTo("1");
    assertThatThrownBy(() -> client.getItem(b -> b.tableName("stride-profiles-eu")))
        .as("the SDK passes the refusal through unwrapped, to adapters without DynamoFailures too")
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(calls("rejected-open")).isEqualTo(2);
  }

  @Test
  void throttling_countsAgainstTheStore() {
    answer(error(400, "ProvisionedThroughputExceededException"));

    for (int i = 0; i < 4; i++) {
      unavailable();
    }

    assertThat(breakerState()).isEqualTo(1);
  }

  @Test
  void delaysPastTheTimeLimit_areCutOff_andOpenTheBreaker() {
    answer(item().withFixedDelay(3_000));

    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      unavailable();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    assertThat(calls("timeout")).isEqualTo(4);
    assertThat(breakerState()).isEqualTo(1);
  }

  @Test
  void connectionResets_openTheBreaker() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    for (int i = 0; i < 4; i++) {
      unavailable();
    }

    assertThat(breakerState()).isEqualTo(1);
    server.resetRequests();
    unavailable();
    assertThat(requests()).isZero();
  }

  @Test
  void openBreaker_halfOpensAfterItsWait_andClosesWhenTheStoreAnswersAgain() throws Exception {
    open();
    answer(item());
    Thread.sleep(OPEN_MS + 100);

    assertThat(getItem()).containsKey("pk");
    assertThat(breakerState()).isEqualTo(2);
    assertThat(getItem()).containsKey("pk");

    assertThat(breakerState()).isZero();
    assertThat(getItem()).containsKey("pk");
  }

  @Test
  void failingTrialCalls_openTheBreakerAgain() throws Exception {
    open();
    Thread.sleep(OPEN_MS + 100);

    unavailable();
    unavailable();

    assertThat(breakerState()).isEqualTo(1);
    server.resetRequests();
    unavailable();
    assertThat(requests()).isZero();
  }

  @Test
  void conditionalCheckFailures_andClientErrors_areAnswers_andNeverOpenTheBreaker() {
    answer(error(400, "ConditionalCheckFailedException"));
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(this::putIfAbsent).isInstanceOf(VersionConflictException.class);
    }
    answer(error(400, "ResourceNotFoundException"));
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(this::getItem).isNotInstanceOf(StoreUnavailableException.class);
    }

    assertThat(breakerState()).isZero();
    assertThat(calls("success")).isEqualTo(12);
    assertThat(calls("failure")).isZero();
  }

  @Test
  void fullBulkhead_refusesAtOnce_withoutReachingTheStore() throws Exception {
    client =
        client(
            Map.of(
                "STRIDE_OUTBOUND_DYNAMODB_CALL_TIMEOUT_MS", "2000",
                "STRIDE_OUTBOUND_DYNAMODB_ATTEMPT_TIMEOUT_MS", "2000"));
    answer(item().withFixedDelay(300));
    CountDownLatch started = new CountDownLatch(3);
    List<CompletableFuture<Map<String, AttributeValue>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inFlight.add(
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                return getItem();
              }));
    }
    started.await(1, TimeUnit.SECONDS);
    while (requests() < 3) {
      Thread.sleep(5);
    }

    StoreUnavailableException busy =
        assertTimeoutPreemptively(Duration.ofMillis(100), this::unavailable);

    assertThat(busy.headers().get("Retry-After")).isEqualTo("2");
    assertThat(calls("rejected-bulkhead")).isEqualTo(1);
    for (CompletableFuture<Map<String, AttributeValue>> call : inFlight) {
      assertThat(call.get(2, TimeUnit.SECONDS)).containsKey("pk");
    }
    assertThat(requests()).isEqualTo(3);
    assertThat(breakerState()).isZero();
  }
}
