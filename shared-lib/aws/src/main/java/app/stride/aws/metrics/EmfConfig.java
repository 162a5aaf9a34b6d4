package app.stride.aws.metrics;

import app.stride.core.config.Env;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import java.time.Duration;

/**
 * Settings of the {@link EmfMeterRegistry}: the CloudWatch namespace and the step (how often one
 * set of EMF lines is written). Every other Micrometer push setting keeps its default.
 */
public interface EmfConfig extends StepRegistryConfig {
  /** The namespace Stride's metrics go to unless configured. */
  String DEFAULT_NAMESPACE = "Stride";

  @Override
  default String prefix() {
    return "emf";
  }

  @Override
  default String get(String key) {
    return null;
  }

  /** The CloudWatch namespace of every metric written. */
  default String namespace() {
    return DEFAULT_NAMESPACE;
  }

  /** A config with the given namespace and step. */
  static EmfConfig of(String namespace, Duration step) {
    if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
      throw new IllegalArgumentException("namespace must be 1 to 255 characters");
    }
    return new EmfConfig() {
      @Override
      public String namespace() {
        return namespace;
      }

      @Override
      public Duration step() {
        return step;
      }
    };
  }

  /**
   * Reads {@code STRIDE_METRICS_NAMESPACE} (default {@value #DEFAULT_NAMESPACE}) and {@code
   * STRIDE_METRICS_STEP_SECONDS} (default 60).
   */
  static EmfConfig fromEnv(Env env) {
    return of(
        env.optional("STRIDE_METRICS_NAMESPACE").orElse(DEFAULT_NAMESPACE),
        Duration.ofSeconds(
            Long.parseLong(env.optional("STRIDE_METRICS_STEP_SECONDS").orElse("60"))));
  }
}
