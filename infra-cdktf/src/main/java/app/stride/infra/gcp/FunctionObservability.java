package app.stride.infra.gcp;

import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.logging_project_bucket_config.LoggingProjectBucketConfig;
import com.hashicorp.cdktf.providers.google.logging_project_exclusion.LoggingProjectExclusion;
import com.hashicorp.cdktf.providers.google.logging_project_sink.LoggingProjectSink;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicy;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditions;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditionsConditionThreshold;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditionsConditionThresholdAggregations;
import java.util.List;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * Logs and alerts of a region's functions. Their logs go to one log bucket in the region's location
 * with the configured retention, and are excluded from the project's {@code _Default} bucket (which
 * is global); an alert policy per function fires on server errors of its Cloud Run service.
 */
public final class FunctionObservability extends Construct {

  /** Routes, retains and alerts on the logs and metrics of the function {@code functionName}. */
  public FunctionObservability(
      Construct scope,
      String id,
      RegionConfig region,
      ObservabilityConfig observability,
      String functionName) {
    this(scope, id, region, observability, List.of(functionName));
  }

  /**
   * Routes and retains the logs of all {@code functionNames} in one regional bucket and alerts on
   * each function's server errors. The first function's alert keeps the construct id {@code errors}
   * it had when this construct served one function.
   */
  public FunctionObservability(
      Construct scope,
      String id,
      RegionConfig region,
      ObservabilityConfig observability,
      List<String> functionNames) {
    super(scope, id);
    if (functionNames.isEmpty()) {
      throw new IllegalArgumentException("no function to observe");
    }
    String bucketId = "stride-functions-" + region.id();
    LoggingProjectBucketConfig bucket =
        LoggingProjectBucketConfig.Builder.create(this, "log_bucket")
            .project(region.gcpProject())
            .location(region.location())
            .bucketId(bucketId)
            .retentionDays(observability.logRetentionDays())
            .build();
    String filter =
        functionNames.stream()
            .map(FunctionObservability::logFilter)
            .collect(Collectors.joining(" OR "));
    LoggingProjectSink.Builder.create(this, "log_sink")
        .project(region.gcpProject())
        .name(bucketId)
        .destination("logging.googleapis.com/" + bucket.getId())
        .filter(filter)
        .uniqueWriterIdentity(true)
        .build();
    LoggingProjectExclusion.Builder.create(this, "default_exclusion")
        .project(region.gcpProject())
        .name(bucketId + "-not-in-default")
        .description("The function's logs stay in " + region.location())
        .filter(filter)
        .build();
    for (int i = 0; i < functionNames.size(); i++) {
      String alertId = i == 0 ? "errors" : "errors_" + functionNames.get(i).replace('-', '_');
      errorAlert(alertId, region, observability, functionNames.get(i));
    }
  }

  private void errorAlert(
      String id, RegionConfig region, ObservabilityConfig observability, String functionName) {
    MonitoringAlertPolicy.Builder.create(this, id)
        .project(region.gcpProject())
        .displayName(functionName + " errors")
        .combiner("OR")
        .conditions(
            List.of(
                MonitoringAlertPolicyConditions.builder()
                    .displayName(functionName + " 5xx responses")
                    .conditionThreshold(errorThreshold(functionName, observability))
                    .build()))
        .build();
  }

  private static String logFilter(String functionName) {
    return "(resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\""
        + functionName
        + "\") OR (resource.type=\"cloud_function\" AND resource.labels.function_name=\""
        + functionName
        + "\")";
  }

  private static MonitoringAlertPolicyConditionsConditionThreshold errorThreshold(
      String functionName, ObservabilityConfig observability) {
    return MonitoringAlertPolicyConditionsConditionThreshold.builder()
        .filter(
            "resource.type = \"cloud_run_revision\""
                + " AND resource.labels.service_name = \""
                + functionName
                + "\" AND metric.type = \"run.googleapis.com/request_count\""
                + " AND metric.labels.response_code_class = \"5xx\"")
        // Errors are whole counts: "more than n - 1" is AWS's "at least n".
        .comparison("COMPARISON_GT")
        .thresholdValue(observability.errorAlarmThreshold() - 1)
        .duration("0s")
        .aggregations(
            List.of(
                MonitoringAlertPolicyConditionsConditionThresholdAggregations.builder()
                    .alignmentPeriod(observability.errorAlarmPeriodSeconds() + "s")
                    .perSeriesAligner("ALIGN_SUM")
                    .crossSeriesReducer("REDUCE_SUM")
                    .build()))
        .build();
  }
}
