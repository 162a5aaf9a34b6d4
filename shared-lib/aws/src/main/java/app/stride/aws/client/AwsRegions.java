package app.stride.aws.client;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import software.amazon.awssdk.regions.Region;

/** Reads the AWS region a function runs in. */
public final class AwsRegions {
  /** The variable Lambda sets to the function's region. */
  public static final String AWS_REGION_ENV = "AWS_REGION";

  /** The variable naming the Stride region a function serves. */
  public static final String STRIDE_REGION_ENV = "STRIDE_REGION";

  private AwsRegions() {}

  /**
   * The region named by {@code AWS_REGION}; outside Lambda (local platform, tests) the cloud region
   * the region catalog gives for {@code STRIDE_REGION}.
   *
   * @throws IllegalStateException when neither is configured, or the Stride region is not on AWS
   */
  public static Region fromEnv(Env env) {
    return env.optional(AWS_REGION_ENV)
        .map(Region::of)
        .orElseGet(() -> fromCatalog(env, RegionId.of(env.require(STRIDE_REGION_ENV))));
  }

  private static Region fromCatalog(Env env, RegionId region) {
    var configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.AWS) {
      throw new IllegalStateException("region " + region + " is not an AWS region");
    }
    return Region.of(configured.cloudRegion());
  }
}
