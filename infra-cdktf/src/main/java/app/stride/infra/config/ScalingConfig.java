package app.stride.infra.config;

import java.util.Map;
import java.util.Objects;

/**
 * Concurrency caps that are configuration rather than a property of a function's work. The table of
 * every function's cap is {@code app.stride.infra.FunctionLimits}; the auth HTTP function's cap is
 * {@link AuthFunctionConfig#maxConcurrency()}.
 *
 * @param profilesHttpMaxConcurrency reserved concurrency (AWS) and maximum instances (GCP) of the
 *     profiles HTTP function
 * @param profilesRequestsPerInstance requests one GCP profiles instance serves at once
 * @param directoryMaxConcurrency reserved concurrency of the global directory function
 * @param capabilities the caps of every other HTTP capability (planner, workouts, social), by
 *     capability name
 * @param workers the cap of each work-queue worker (reserved concurrency and the SQS event source's
 *     maximum concurrency on AWS, maximum instances on GCP), by capability name: it bounds the
 *     calls a region makes to third-party APIs at once
 */
public record ScalingConfig(
    int profilesHttpMaxConcurrency,
    int profilesRequestsPerInstance,
    int directoryMaxConcurrency,
    Map<String, CapabilityScaling> capabilities,
    Map<String, Integer> workers) {

  /** Every cap must be at least one; GCP serves at most 1000 requests per instance. */
  public ScalingConfig {
    if (profilesHttpMaxConcurrency < 1 || directoryMaxConcurrency < 1) {
      throw new IllegalArgumentException("concurrency caps must be at least 1");
    }
    CapabilityScaling.requireRequestsPerInstance(profilesRequestsPerInstance);
    capabilities = Map.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
    workers = Map.copyOf(Objects.requireNonNull(workers, "workers"));
    workers.forEach(
        (name, cap) -> {
          // The SQS event source's maximum concurrency is at least 2.
          if (cap == null || cap < 2) {
            throw new IllegalArgumentException("worker cap of " + name + " must be at least 2");
          }
        });
  }

  /** The cap of {@code capability}'s work-queue worker. */
  public int workerMaxConcurrency(String capability) {
    Integer cap = workers.get(capability);
    if (cap == null) {
      throw new IllegalStateException("no worker scaling configured for " + capability);
    }
    return cap;
  }

  /** The HTTP function's cap of {@code capability} (profiles: {@code profilesHttp...}). */
  public int httpMaxConcurrency(String capability) {
    return capability.equals("profiles")
        ? profilesHttpMaxConcurrency
        : of(capability).httpMaxConcurrency();
  }

  /** Requests one GCP instance of {@code capability} serves at once. */
  public int requestsPerInstance(String capability) {
    return capability.equals("profiles")
        ? profilesRequestsPerInstance
        : of(capability).requestsPerInstance();
  }

  private CapabilityScaling of(String capability) {
    CapabilityScaling scaling = capabilities.get(capability);
    if (scaling == null) {
      throw new IllegalStateException("no scaling configured for " + capability);
    }
    return scaling;
  }
}
