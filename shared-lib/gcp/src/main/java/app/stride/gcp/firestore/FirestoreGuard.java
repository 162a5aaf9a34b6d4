package app.stride.gcp.firestore;

import app.stride.core.config.Env;
import app.stride.core.store.StoreUnavailableException;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.StoreResilience;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;

/**
 * The guard of a process's Firestore calls: the {@value #DEPENDENCY} dependency of an {@link
 * OutboundCalls} (breaker, bulkhead, meters) and the client deadlines of {@link StoreResilience}.
 * {@link FirestoreClients#create(FirestoreConfig)} uses {@link #process()}, one per process, so
 * every client a capability builds shares one breaker, as they share one store.
 *
 * @param calls the breaker and bulkhead; must know {@value #DEPENDENCY}
 * @param resilience the policy and the client's total deadline, attempt deadline and attempts
 */
public record FirestoreGuard(OutboundCalls calls, StoreResilience resilience) {
  /** The dependency name, the {@code dependency} tag of {@code stride.breaker.state}. */
  public static final String DEPENDENCY = "firestore";

  public FirestoreGuard {
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(resilience, "resilience");
    if (!calls.knows(resilience.dependency())) {
      throw new IllegalArgumentException("calls do not know " + resilience.dependency());
    }
  }

  /** Firestore's default time limit per call, retries included. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(3);

  /**
   * Firestore's defaults: the data-store policy ({@link StoreResilience#defaults}) with a {@link
   * #DEFAULT_CALL_TIMEOUT} deadline, not 1 s: a commit may wait for a document's lock while another
   * writer holds it, and the emulator on a busy machine has been seen taking over a second for an
   * uncontended write.
   */
  public static StoreResilience defaults() {
    StoreResilience store = StoreResilience.defaults(DEPENDENCY);
    return new StoreResilience(
        store.policy().withCallTimeout(DEFAULT_CALL_TIMEOUT),
        store.attemptTimeout(),
        store.maxAttempts());
  }

  /** A guard with {@code resilience}'s policy whose meters go to {@code registry}. */
  public static FirestoreGuard create(StoreResilience resilience, MeterRegistry registry) {
    OutboundCalls calls =
        OutboundCalls.builder(registry)
            .store(resilience.policy(), FirestoreGuard::countsAsFailure)
            .build();
    return new FirestoreGuard(calls, resilience);
  }

  /**
   * The process's guard, made on first use from the environment ({@code
   * STRIDE_OUTBOUND_FIRESTORE_*} over {@link #defaults()}, see {@link StoreResilience#fromEnv})
   * with its meters on Micrometer's global registry, which the deployable's registry joins ({@code
   * FunctionMetrics.fromEnv}).
   */
  public static FirestoreGuard process() {
    return Process.GUARD;
  }

  /**
   * What counts against Firestore's health: what {@link FirestoreCalls} calls unavailable ({@code
   * UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code INTERNAL}, {@code RESOURCE_EXHAUSTED}). Lost
   * preconditions, existing documents and other refusals are the store answering.
   */
  public static boolean countsAsFailure(Throwable failure) {
    return FirestoreCalls.translate(failure) instanceof StoreUnavailableException;
  }

  private static final class Process {
    static final FirestoreGuard GUARD =
        create(StoreResilience.fromEnv(Env.system(), defaults()), Metrics.globalRegistry);
  }
}
