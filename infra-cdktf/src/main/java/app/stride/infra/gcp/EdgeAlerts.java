package app.stride.infra.gcp;

import app.stride.infra.config.AlertingConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicy;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditions;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditionsConditionThreshold;
import com.hashicorp.cdktf.providers.google.monitoring_alert_policy.MonitoringAlertPolicyConditionsConditionThresholdAggregations;
import com.hashicorp.cdktf.providers.google.monitoring_notification_channel.MonitoringNotificationChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A region's notification channels (one email channel per {@code alerting.emails} entry) and its
 * edge alerts: 429 answers of the API Gateway (its managed service's {@code
 * serviceruntime.googleapis.com/api/request_count}), of the load balancer (Cloud Armor's throttle
 * and bans) and of each HTTP function (Cloud Run answers 429 when no instance is left under the
 * max-instances cap), and any open circuit breaker: the functions publish the gauge {@value
 * #BREAKER_METRIC} (label {@code dependency}, {@code 1} while open) through the Cloud Monitoring
 * output; and the rate limiter deciding on in-process buckets for five minutes ({@value
 * #FALLBACK_METRIC} above 0.9: the region's Redis, {@link RegionRedis}, unreachable or slow).
 * {@link #notifyOnEveryAlert(Construct)} adds the channels to every alert policy of the stack.
 */
public final class EdgeAlerts extends Construct {

  /** The custom metric of the breaker-state gauge ({@code stride.breaker.state}). */
  public static final String BREAKER_METRIC = "custom.googleapis.com/stride/breaker/state";

  /**
   * The rate limiter's fallback gauge ({@code stride.ratelimit.fallback.active}): 1 while a
   * function decides on in-process buckets because the region's Redis fails or is slow.
   */
  public static final String FALLBACK_METRIC =
      "custom.googleapis.com/stride/ratelimit/fallback/active";

  /** How long the fallback lasts before the alert: five minutes, as on AWS. */
  public static final String FALLBACK_DURATION = "300s";

  private final RegionConfig region;
  private final AlertingConfig alerting;
  private final List<String> channels = new ArrayList<>();

  /** Creates the channels and the alert policies. */
  public EdgeAlerts(
      Construct scope,
      String id,
      RegionConfig region,
      AlertingConfig alerting,
      ApiGateway gateway,
      EdgeLoadBalancer loadBalancer,
      List<String> httpFunctions) {
    super(scope, id);
    this.region = region;
    this.alerting = alerting;
    for (int i = 0; i < alerting.emails().size(); i++) {
      channels.add(
          MonitoringNotificationChannel.Builder.create(this, "email_" + i)
              .project(region.gcpProject())
              .displayName("Stride alerts " + region.id() + " (" + i + ")")
              .type("email")
              .labels(Map.of("email_address", alerting.emails().get(i)))
              .build()
              .getName());
    }
    sumAlert(
        "gateway_throttled",
        "API Gateway 429 answers in " + region.id(),
        "resource.type = \"api\" AND resource.labels.service = \""
            + gateway.managedService()
            + "\" AND metric.type = \"serviceruntime.googleapis.com/api/request_count\""
            + " AND metric.labels.response_code = \"429\"");
    sumAlert(
        "armor_throttled",
        "Cloud Armor 429 answers in " + region.id(),
        "resource.type = \"https_lb_rule\" AND resource.labels.forwarding_rule_name = \""
            + loadBalancer.forwardingRuleName()
            + "\" AND metric.type = \"loadbalancing.googleapis.com/https/request_count\""
            + " AND metric.labels.response_code = \"429\"");
    for (String function : httpFunctions) {
      sumAlert(
          "throttled_" + function.replace('-', '_'),
          function + " 429 answers",
          "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \""
              + function
              + "\" AND metric.type = \"run.googleapis.com/request_count\""
              + " AND metric.labels.response_code = \"429\"");
    }
    // The gauges are 0 or 1 (the breaker 0.5 half-open): "above 0.9" is "on".
    gaugeAlert(
        "breaker_open",
        "stride-" + region.id() + " breaker open",
        "A circuit breaker is open",
        BREAKER_METRIC,
        "0s");
    gaugeAlert(
        "ratelimit_fallback",
        "stride-" + region.id() + " rate limits on in-process buckets",
        "HTTP functions cannot use the region's Redis",
        FALLBACK_METRIC,
        FALLBACK_DURATION);
  }

  /** An alert when the gauge {@code metric} of any function is above 0.9 for {@code duration}. */
  private void gaugeAlert(
      String id, String title, String condition, String metric, String duration) {
    MonitoringAlertPolicy.Builder.create(this, id)
        .project(region.gcpProject())
        .displayName(title)
        .combiner("OR")
        .conditions(
            List.of(
                MonitoringAlertPolicyConditions.builder()
                    .displayName(condition)
                    .conditionThreshold(
                        MonitoringAlertPolicyConditionsConditionThreshold.builder()
                            .filter("metric.type = \"" + metric + "\"")
                            .comparison("COMPARISON_GT")
                            .thresholdValue(0.9)
                            .duration(duration)
                            .aggregations(
                                List.of(
                                    MonitoringAlertPolicyConditionsConditionThresholdAggregations
                                        .builder()
                                        .alignmentPeriod("60s")
                                        .perSeriesAligner("ALIGN_MAX")
                                        .crossSeriesReducer("REDUCE_MAX")
                                        .build()))
                            .build())
                    .build()))
        .build();
  }

  private void sumAlert(String id, String title, String filter) {
    MonitoringAlertPolicy.Builder.create(this, id)
        .project(region.gcpProject())
        .displayName(title)
        .combiner("OR")
        .conditions(
            List.of(
                MonitoringAlertPolicyConditions.builder()
                    .displayName(title)
                    .conditionThreshold(
                        MonitoringAlertPolicyConditionsConditionThreshold.builder()
                            .filter(filter)
                            // Counts are whole: "more than n - 1" is "at least n".
                            .comparison("COMPARISON_GT")
                            .thresholdValue(alerting.throttledRequestsThreshold() - 1)
                            .duration("0s")
                            .aggregations(
                                List.of(
                                    MonitoringAlertPolicyConditionsConditionThresholdAggregations
                                        .builder()
                                        .alignmentPeriod(alerting.periodSeconds() + "s")
                                        .perSeriesAligner("ALIGN_SUM")
                                        .crossSeriesReducer("REDUCE_SUM")
                                        .build()))
                            .build())
                    .build()))
        .build();
  }

  /** Adds the channels to every alert policy under {@code root}. */
  public void notifyOnEveryAlert(Construct root) {
    for (IConstruct node : root.getNode().findAll()) {
      if (node instanceof MonitoringAlertPolicy policy) {
        policy.setNotificationChannels(List.copyOf(channels));
      }
    }
  }
}
