package app.stride.gcp.metrics;

import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.stackdriver.StackdriverMeterRegistry;

/** Builds the Cloud Monitoring registry a function's meters (the edge's among them) go to. */
public final class CloudMonitoring {
  private CloudMonitoring() {}

  /**
   * A started registry pushing to Cloud Monitoring every step with the function's service account
   * (application default credentials). Close it on shutdown to push the last step.
   */
  public static StackdriverMeterRegistry registry(CloudMonitoringConfig config) {
    StackdriverMeterRegistry registry =
        StackdriverMeterRegistry.builder(config.toStackdriverConfig()).build();
    registry.start(new NamedThreadFactory("cloud-monitoring-metrics"));
    return registry;
  }
}
