package app.stride.gcp.functions;

import app.stride.core.config.Env;
import app.stride.gcp.metrics.CloudMonitoring;
import app.stride.gcp.metrics.CloudMonitoringConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;

/**
 * The meter registry of a Cloud Functions deployable, chosen by {@value #METRICS_ENV}: {@value
 * #CLOUD_MONITORING} (pushed to Cloud Monitoring every step with the function's service account,
 * which needs {@code roles/monitoring.metricWriter}) or, unset or {@value #NONE}, a {@link
 * SimpleMeterRegistry} kept in the process, so the local platform and tests never call a Google
 * API. Build it once per process. The registry joins Micrometer's global registry, where the store
 * clients' guards put their meters.
 */
public final class FunctionMetrics {
  /** The variable infra sets ({@value #CLOUD_MONITORING} on every GCP function). */
  public static final String METRICS_ENV = "STRIDE_METRICS";

  /** Cloud Monitoring custom metrics. */
  public static final String CLOUD_MONITORING = "cloud-monitoring";

  /** Meters kept in the process only. */
  public static final String NONE = "none";

  private FunctionMetrics() {}

  /**
   * The registry {@code env} asks for. A Cloud Monitoring registry pushes from a daemon thread and
   * its last step from a shutdown hook.
   *
   * @throws IllegalStateException for any other value (EMF on GCP is a wiring mistake), or when
   *     Cloud Monitoring's settings are missing
   */
  public static MeterRegistry fromEnv(Env env) {
    MeterRegistry registry = chosen(env);
    // The store clients' guards (breaker state, outbound calls) register on the global registry,
    // built before or after this one: joining it sends their meters out with the function's.
    Metrics.addRegistry(registry);
    return registry;
  }

  private static MeterRegistry chosen(Env env) {
    String output = env.optional(METRICS_ENV).orElse(NONE).trim().toLowerCase(Locale.ROOT);
    return switch (output) {
      case NONE -> new SimpleMeterRegistry();
      case CLOUD_MONITORING -> {
        MeterRegistry registry = CloudMonitoring.registry(CloudMonitoringConfig.fromEnv(env));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "cloud-monitoring-flush"));
        yield registry;
      }
      default ->
          throw new IllegalStateException(
              METRICS_ENV
                  + " must be "
                  + CLOUD_MONITORING
                  + " or "
                  + NONE
                  + " on Google Cloud, not "
                  + output);
    };
  }
}
