package app.stride.infra.config;

/**
 * The concurrency caps of one HTTP capability (see {@code FunctionLimits}).
 *
 * @param httpMaxConcurrency reserved concurrency (AWS) and maximum instances (GCP) of its HTTP
 *     function
 * @param requestsPerInstance requests one GCP instance serves at once (1..1000)
 */
public record CapabilityScaling(int httpMaxConcurrency, int requestsPerInstance) {

  /** The cap must be at least one; GCP serves at most 1000 requests per instance. */
  public CapabilityScaling {
    if (httpMaxConcurrency < 1) {
      throw new IllegalArgumentException("concurrency caps must be at least 1");
    }
    requireRequestsPerInstance(requestsPerInstance);
  }

  static void requireRequestsPerInstance(int requestsPerInstance) {
    if (requestsPerInstance < 1 || requestsPerInstance > 1000) {
      throw new IllegalArgumentException("requests per instance must be 1..1000");
    }
  }
}
