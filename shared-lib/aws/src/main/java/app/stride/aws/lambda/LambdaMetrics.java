package app.stride.aws.lambda;

import app.stride.aws.metrics.EmfConfig;
import app.stride.aws.metrics.EmfMeterRegistry;
import app.stride.core.config.Env;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;

/**
 * The meter registry of a Lambda deployable, chosen by {@value #METRICS_ENV}: {@value #EMF}
 * (CloudWatch Embedded Metric Format lines on stdout, which Lambda ships to CloudWatch Logs and
 * CloudWatch extracts; no API call) or, unset or {@value #NONE}, a {@link SimpleMeterRegistry} kept
 * in the process (the local platform and tests). Build it once per process. The registry joins
 * Micrometer's global registry, where the store clients' guards put their meters.
 */
public final class LambdaMetrics {
  /** The variable infra sets ({@value #EMF} on every AWS function). */
  public static final String METRICS_ENV = "STRIDE_METRICS";

  /** CloudWatch EMF on stdout. */
  public static final String EMF = "emf";

  /** Meters kept in the process only. */
  public static final String NONE = "none";

  private LambdaMetrics() {}

  /**
   * The registry {@code env} asks for. An EMF registry publishes every step from a daemon thread
   * and writes its last step from a shutdown hook.
   *
   * @throws IllegalStateException for any other value (a Cloud Monitoring setting on AWS is a
   *     wiring mistake)
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
      case EMF -> {
        EmfMeterRegistry registry = EmfMeterRegistry.stdout(EmfConfig.fromEnv(env));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "emf-metrics-flush"));
        yield registry;
      }
      default ->
          throw new IllegalStateException(
              METRICS_ENV + " must be " + EMF + " or " + NONE + " on AWS, not " + output);
    };
  }
}
