package app.stride.infra.config;

/**
 * Concurrency caps that are configuration rather than a property of a function's work. The table of
 * every function's cap is {@code app.stride.infra.FunctionLimits}; the auth HTTP function's cap is
 * {@link AuthFunctionConfig#maxConcurrency()}.
 *
 * @param profilesHttpMaxConcurrency reserved concurrency (AWS) and maximum instances (GCP) of the
 *     profiles HTTP function
 * @param profilesRequestsPerInstance requests one GCP profiles instance serves at once
 * @param directoryMaxConcurrency reserved concurrency of the global directory function
 */
public record ScalingConfig(
    int profilesHttpMaxConcurrency, int profilesRequestsPerInstance, int directoryMaxConcurrency) {

  /** Every cap must be at least one; GCP serves at most 1000 requests per instance. */
  public ScalingConfig {
    if (profilesHttpMaxConcurrency < 1 || directoryMaxConcurrency < 1) {
      throw new IllegalArgumentException("concurrency caps must be at least 1");
    }
    if (profilesRequestsPerInstance < 1 || profilesRequestsPerInstance > 1000) {
      throw new IllegalArgumentException("requests per instance must be 1..1000");
    }
  }
}
