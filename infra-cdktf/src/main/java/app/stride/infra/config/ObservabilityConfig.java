package app.stride.infra.config;

import java.util.Set;

/**
 * Log retention and error alerting of every function.
 *
 * @param logRetentionDays days a function's logs are kept (a value CloudWatch accepts)
 * @param errorAlarmThreshold errors in one period at or above which the alarm fires
 * @param errorAlarmPeriodSeconds the alarm's evaluation period
 */
public record ObservabilityConfig(
    int logRetentionDays, int errorAlarmThreshold, int errorAlarmPeriodSeconds) {

  private static final Set<Integer> CLOUDWATCH_RETENTIONS =
      Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 3653);

  /** Retention must be one CloudWatch accepts; the alarm values must be positive. */
  public ObservabilityConfig {
    if (!CLOUDWATCH_RETENTIONS.contains(logRetentionDays)) {
      throw new IllegalArgumentException("unsupported log retention: " + logRetentionDays);
    }
    if (errorAlarmThreshold <= 0 || errorAlarmPeriodSeconds < 60) {
      throw new IllegalArgumentException("alarm threshold > 0 and period >= 60 s required");
    }
  }
}
