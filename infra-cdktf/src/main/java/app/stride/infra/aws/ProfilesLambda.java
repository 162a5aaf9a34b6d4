package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionEnvironment;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionSnapStart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The profiles Lambda of one region: SnapStart on published versions behind the alias {@value
 * #ALIAS}, its log group, role and error alarm.
 */
public final class ProfilesLambda extends Construct {

  /** The alias API Gateway invokes; it always points at the latest published version. */
  public static final String ALIAS = "live";

  /** Spring Cloud Function's generic Lambda entry point. */
  public static final String HANDLER =
      "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

  private final LambdaFunction function;
  private final LambdaAlias alias;

  /** Creates the function from the built jar (hashed when it exists). */
  public ProfilesLambda(
      Construct scope,
      String id,
      RegionConfig region,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      ProfilesTable table,
      ProfileEventsQueue events,
      RegionKey key) {
    super(scope, id);
    String name = region.profilesFunctionName();
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(this, "logs")
            .name("/aws/lambda/" + name)
            .retentionInDays(observability.logRetentionDays())
            .build();
    ProfilesFunctionRole role =
        new ProfilesFunctionRole(this, "role", region, table, events, key, logs.getArn());
    LambdaFunction.Builder builder =
        LambdaFunction.Builder.create(this, "function")
            .functionName(name)
            .role(role.arn())
            .runtime("java17")
            .handler(HANDLER)
            .filename(jar.path())
            .memorySize(1024)
            .timeout(10)
            .publish(true)
            .snapStart(LambdaFunctionSnapStart.builder().applyOn("PublishedVersions").build())
            .environment(
                LambdaFunctionEnvironment.builder()
                    .variables(environment(region, table, events))
                    .build())
            .dependsOn(List.of(logs, role.policy()));
    jar.sha256Base64().ifPresent(builder::sourceCodeHash);
    function = builder.build();
    alias =
        LambdaAlias.Builder.create(this, "alias")
            .name(ALIAS)
            .functionName(function.getFunctionName())
            .functionVersion(function.getVersion())
            .build();
    CloudwatchMetricAlarm.Builder.create(this, "errors")
        .alarmName(name + "-errors")
        .alarmDescription("Errors of the " + region.id() + " profiles function")
        .namespace("AWS/Lambda")
        .metricName("Errors")
        .dimensions(Map.of("FunctionName", name))
        .statistic("Sum")
        .period(observability.errorAlarmPeriodSeconds())
        .evaluationPeriods(1)
        .threshold(observability.errorAlarmThreshold())
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
  }

  private static Map<String, String> environment(
      RegionConfig region, ProfilesTable table, ProfileEventsQueue events) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MAIN_CLASS", "app.stride.profiles.aws.ProfilesAwsApplication");
    env.put("SPRING_CLOUD_FUNCTION_DEFINITION", "profilesHttp");
    env.put("STRIDE_REGION", region.id());
    env.put("STRIDE_PROFILES_TABLE", table.name());
    env.put("STRIDE_EVENTS_QUEUE_URL", events.url());
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    // The adapter logs every event at INFO, bearer tokens included.
    env.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN");
    return env;
  }

  /** The function's name. */
  public String functionName() {
    return function.getFunctionName();
  }

  /** The {@value #ALIAS} alias. */
  public LambdaAlias alias() {
    return alias;
  }
}
