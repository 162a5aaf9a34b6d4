package app.stride.gcp.metrics;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import io.micrometer.stackdriver.StackdriverConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a function's meters go in Cloud Monitoring, read once from the environment.
 *
 * <p>Custom metrics cannot be written against the {@code cloud_run_revision} or {@code
 * cloud_function} resources that Cloud Run and Cloud Run functions report their built-in metrics
 * on, so Stride writes them on {@value #RESOURCE_TYPE}: {@code project_id}, {@code location} (the
 * cloud region), {@code namespace} (the Stride region), {@code job} (the service: {@code K_SERVICE}
 * of Cloud Run / Cloud Run functions) and {@code task_id} (the revision plus a per-instance random
 * suffix: every instance must write its own time series, or Cloud Monitoring refuses points written
 * more often than its sampling period).
 *
 * @param projectId the Google Cloud project
 * @param resourceLabels the {@value #RESOURCE_TYPE} labels
 * @param step how often meters are pushed
 */
public record CloudMonitoringConfig(
    String projectId, Map<String, String> resourceLabels, Duration step) {
  /** The monitored resource type custom metrics are written on. */
  public static final String RESOURCE_TYPE = "generic_task";

  public CloudMonitoringConfig {
    Objects.requireNonNull(projectId, "projectId");
    resourceLabels = Map.copyOf(resourceLabels);
    Objects.requireNonNull(step, "step");
  }

  /**
   * Reads the project ({@code STRIDE_GCP_PROJECT}, else {@code GOOGLE_CLOUD_PROJECT}, else {@code
   * STRIDE_FIRESTORE_PROJECT}), the location ({@code STRIDE_GCP_LOCATION}, else the region
   * catalog's cloud region for {@code STRIDE_REGION}), the job ({@code K_SERVICE}, else {@code
   * FUNCTION_TARGET}), the revision ({@code K_REVISION}) and the step ({@code
   * STRIDE_METRICS_STEP_SECONDS}, default 60).
   *
   * @throws IllegalStateException when the project or the region is missing, or the region is not
   *     on Google Cloud
   */
  public static CloudMonitoringConfig fromEnv(Env env) {
    return fromEnv(env, UUID.randomUUID().toString().substring(0, 8));
  }

  static CloudMonitoringConfig fromEnv(Env env, String instanceSuffix) {
    String project =
        env.optional("STRIDE_GCP_PROJECT")
            .or(() -> env.optional("GOOGLE_CLOUD_PROJECT"))
            .orElseGet(() -> env.require("STRIDE_FIRESTORE_PROJECT"));
    String region = env.require("STRIDE_REGION");
    String location = env.optional("STRIDE_GCP_LOCATION").orElseGet(() -> cloudRegion(env, region));
    String job =
        env.optional("K_SERVICE").or(() -> env.optional("FUNCTION_TARGET")).orElse("stride");
    String revision = env.optional("K_REVISION").orElse(job);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("location", location);
    labels.put("namespace", region);
    labels.put("job", job);
    labels.put("task_id", revision + "-" + instanceSuffix);
    long stepSeconds = Long.parseLong(env.optional("STRIDE_METRICS_STEP_SECONDS").orElse("60"));
    return new CloudMonitoringConfig(project, labels, Duration.ofSeconds(stepSeconds));
  }

  /** This configuration as Micrometer's Stackdriver registry reads it. */
  public StackdriverConfig toStackdriverConfig() {
    return new StackdriverConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String projectId() {
        return projectId;
      }

      @Override
      public String resourceType() {
        return RESOURCE_TYPE;
      }

      @Override
      public Map<String, String> resourceLabels() {
        return resourceLabels;
      }

      @Override
      public Duration step() {
        return step;
      }
    };
  }

  private static String cloudRegion(Env env, String region) {
    var configured = RegionCatalog.fromEnvironment(env.asMap()).require(RegionId.of(region));
    if (configured.cloud() != Cloud.GCP) {
      throw new IllegalStateException("region " + region + " is not a Google Cloud region");
    }
    return configured.cloudRegion();
  }
}
