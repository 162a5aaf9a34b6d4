package app.stride.aws.dynamodb;

import app.stride.core.config.Env;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.StoreResilience;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The guard of a process's DynamoDB calls: the {@value #DEPENDENCY} dependency of an {@link
 * OutboundCalls} (breaker, bulkhead, meters) and the client time limits of {@link StoreResilience}.
 * {@link DynamoDbClients#client(DynamoDbSettings)} uses {@link #process()}, one per process, so
 * every client a capability builds shares one breaker, as they share one store.
 *
 * @param calls the breaker and bulkhead; must know {@value #DEPENDENCY}
 * @param resilience the policy and the client's call and attempt time limits and attempts
 */
public record DynamoDbGuard(OutboundCalls calls, StoreResilience resilience) {
  /** The dependency name, the {@code dependency} tag of {@code stride.breaker.state}. */
  public static final String DEPENDENCY = "dynamodb";

  public DynamoDbGuard {
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(resilience, "resilience");
    if (!calls.knows(resilience.dependency())) {
      throw new IllegalArgumentException("calls do not know " + resilience.dependency());
    }
  }

  /** A guard with {@code resilience}'s policy whose meters go to {@code registry}. */
  public static DynamoDbGuard create(StoreResilience resilience, MeterRegistry registry) {
    OutboundCalls calls =
        OutboundCalls.builder(registry)
            .store(resilience.policy(), DynamoDbGuard::countsAsFailure)
            .build();
    return new DynamoDbGuard(calls, resilience);
  }

  /**
   * The process's guard, made on first use from the environment ({@code
   * STRIDE_OUTBOUND_DYNAMODB_*}, see {@link StoreResilience#fromEnv}) with its meters on
   * Micrometer's global registry, which the deployable's registry joins ({@code
   * LambdaMetrics.fromEnv}).
   */
  public static DynamoDbGuard process() {
    return Process.GUARD;
  }

  /**
   * What counts against DynamoDB's health: what {@link DynamoFailures} calls unavailable (a client
   * failure such as a refused or reset connection or a time limit, throttling, a 5xx). A lost
   * condition and every other 4xx are the store answering.
   */
  public static boolean countsAsFailure(Throwable failure) {
    return failure instanceof SdkException sdk && DynamoFailures.isUnavailable(sdk);
  }

  private static final class Process {
    static final DynamoDbGuard GUARD =
        create(StoreResilience.fromEnv(Env.system(), DEPENDENCY), Metrics.globalRegistry);
  }
}
