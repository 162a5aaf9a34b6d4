package app.stride.edge.resilience;

import app.stride.core.config.Env;
import java.time.Duration;
import java.util.Objects;

/**
 * How the region's data store clients (DynamoDB in shared-aws, Firestore in shared-gcp) are
 * guarded: the {@link DependencyPolicy} of the store (its {@code callTimeout} is the whole call's
 * time limit, retries included, enforced by the client itself), the time limit of one attempt and
 * the number of attempts. Read once per process from the environment with {@link #fromEnv}.
 *
 * @param policy the store's breaker, bulkhead and whole-call time limit
 * @param attemptTimeout the time limit of one attempt, at most the call's (DynamoDB; Firestore
 *     gives each attempt what is left of the call's deadline)
 * @param maxAttempts attempts per call, the first included (1 = no retry), at most 5
 */
public record StoreResilience(DependencyPolicy policy, Duration attemptTimeout, int maxAttempts) {
  /** One attempt's default time limit: a healthy in-region store answers in milliseconds. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

  /** Default attempts per call: one retry, and a second only if the whole-call limit allows. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public StoreResilience {
    Objects.requireNonNull(policy, "policy");
    BreakerPolicy.requirePositive(attemptTimeout, "attemptTimeout");
    if (attemptTimeout.compareTo(policy.callTimeout()) > 0) {
      throw new IllegalArgumentException("attemptTimeout cannot exceed the call's time limit");
    }
    if (maxAttempts < 1 || maxAttempts > 5) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 5");
    }
  }

  /**
   * The defaults for the store named {@code dependency}: {@link DependencyKind#DATA_STORE} (1 s per
   * call, breaker over 20 s, bulkhead of 50), {@value #DEFAULT_MAX_ATTEMPTS} attempts of at most
   * 500 ms.
   */
  public static StoreResilience defaults(String dependency) {
    return new StoreResilience(
        DependencyPolicy.dataStore(dependency), DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
  }

  /**
   * The defaults overridden by the environment: the policy's variables (see {@link
   * DependencyPolicy#overriddenBy(Env)}) and {@code STRIDE_OUTBOUND_<NAME>_ATTEMPT_TIMEOUT_MS},
   * {@code STRIDE_OUTBOUND_<NAME>_MAX_ATTEMPTS}. An attempt limit longer than a shortened call
   * limit is pulled down to it.
   */
  public static StoreResilience fromEnv(Env env, String dependency) {
    return fromEnv(env, defaults(dependency));
  }

  /** As {@link #fromEnv(Env, String)}, over a store's own {@code defaults}. */
  public static StoreResilience fromEnv(Env env, StoreResilience defaults) {
    DependencyPolicy policy = defaults.policy().overriddenBy(env);
    PolicyEnvironment vars = new PolicyEnvironment(env, policy.name());
    Duration attempt =
        vars.millis("ATTEMPT_TIMEOUT_MS")
            .orElse(
                defaults.attemptTimeout().compareTo(policy.callTimeout()) > 0
                    ? policy.callTimeout()
                    : defaults.attemptTimeout());
    return new StoreResilience(
        policy, attempt, vars.integer("MAX_ATTEMPTS").orElse(defaults.maxAttempts()));
  }

  /** The store's name, the {@code dependency} tag of its meters. */
  public String dependency() {
    return policy.name();
  }
}
