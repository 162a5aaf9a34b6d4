package app.stride.infra.aws;

import app.stride.infra.config.AlertingConfig;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.config.ThrottleConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2Stage;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2StageAccessLogSettings;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2StageDefaultRouteSettings;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2StageRouteSettings;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_metric_filter.CloudwatchLogMetricFilter;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_metric_filter.CloudwatchLogMetricFilterMetricTransformation;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * The {@code $default} stage of the region's HTTP API, created after every route: default route
 * throttling, stricter throttling of each auth route, and JSON access logs. HTTP APIs publish no
 * 429 metric of their own, so a metric filter counts the {@code 429} answers in the access log
 * (stage throttling and the edge layer's rate limits alike) as {@value #NAMESPACE}/{@value
 * #THROTTLED_METRIC}, and an alarm fires when they pile up.
 */
public final class ApiStage extends Construct {

  /** The namespace of Stride's own metrics (also the functions' EMF namespace). */
  public static final String NAMESPACE = "Stride";

  /** Count of 429 answers of the region's HTTP API. */
  public static final String THROTTLED_METRIC = "ApiThrottled";

  /**
   * The access log line: no source IP or user id (the log needs neither to count 429s, and keeps no
   * personal data that way); {@code status} unquoted, so it is a JSON number.
   */
  public static final String ACCESS_LOG_FORMAT =
      "{\"requestId\":\"$context.requestId\",\"routeKey\":\"$context.routeKey\","
          + "\"status\":$context.status,\"latencyMs\":$context.responseLatency,"
          + "\"integrationStatus\":\"$context.integrationStatus\","
          + "\"error\":\"$context.error.responseType\"}";

  /** The metric filter pattern: every request answered with 429. */
  public static final String THROTTLED_PATTERN = "{ $.status = 429 }";

  private final Apigatewayv2Stage stage;

  /** What the stage is built from. */
  public record Limits(ThrottleConfig defaults, ThrottleConfig auth, List<String> authRouteKeys) {}

  /** Creates the stage (after {@code routes}), its access log group, metric filter and alarm. */
  public ApiStage(
      Construct scope,
      String id,
      RegionConfig region,
      ProfilesHttpApi api,
      Limits limits,
      List<Apigatewayv2Route> routes,
      ObservabilityConfig observability,
      AlertingConfig alerting) {
    super(scope, id);
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(this, "access_logs")
            .name("/aws/apigateway/stride-" + region.id())
            .retentionInDays(observability.logRetentionDays())
            .build();
    List<Apigatewayv2StageRouteSettings> authSettings = new ArrayList<>();
    for (String routeKey : limits.authRouteKeys()) {
      authSettings.add(
          Apigatewayv2StageRouteSettings.builder()
              .routeKey(routeKey)
              .throttlingBurstLimit(limits.auth().burstLimit())
              .throttlingRateLimit(limits.auth().rateLimit())
              .build());
    }
    List<ITerraformDependable> dependsOn = new ArrayList<>(routes);
    stage =
        Apigatewayv2Stage.Builder.create(this, "stage")
            .apiId(api.apiId())
            .name("$default")
            .autoDeploy(true)
            .defaultRouteSettings(
                Apigatewayv2StageDefaultRouteSettings.builder()
                    .throttlingBurstLimit(limits.defaults().burstLimit())
                    .throttlingRateLimit(limits.defaults().rateLimit())
                    .build())
            .routeSettings(authSettings)
            .accessLogSettings(
                Apigatewayv2StageAccessLogSettings.builder()
                    .destinationArn(logs.getArn())
                    .format(ACCESS_LOG_FORMAT)
                    .build())
            // Route settings name route keys, which must exist first.
            .dependsOn(dependsOn)
            .build();
    String metricName = THROTTLED_METRIC;
    CloudwatchLogMetricFilter.Builder.create(this, "throttled_filter")
        .name("stride-" + region.id() + "-api-429")
        .logGroupName(logs.getName())
        .pattern(THROTTLED_PATTERN)
        .metricTransformation(
            CloudwatchLogMetricFilterMetricTransformation.builder()
                .namespace(NAMESPACE)
                .name(metricName)
                .value("1")
                .unit("Count")
                .build())
        .build();
    CloudwatchMetricAlarm.Builder.create(this, "throttled_alarm")
        .alarmName("stride-" + region.id() + "-api-throttled")
        .alarmDescription("429 answers of the HTTP API in " + region.id())
        .namespace(NAMESPACE)
        .metricName(metricName)
        .statistic("Sum")
        .period(alerting.periodSeconds())
        .evaluationPeriods(1)
        .threshold(alerting.throttledRequestsThreshold())
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
  }

  /** The stage's invoke URL. */
  public String invokeUrl() {
    return stage.getInvokeUrl();
  }
}
