package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.config.ObservabilityConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionEnvironment;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionSnapStart;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionVpcConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.constructs.Construct;

/**
 * One Lambda that runs a Spring Cloud Function bean of a built jar through {@value #HANDLER}: its
 * log group, its own role (the given grants plus logging), the function and its {@code Errors} and
 * {@code Throttles} alarms. Which bean runs is {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
 */
public final class SpringLambda extends Construct {

  /**
   * Spring Cloud Function's Lambda entry point, as corrected in shared-aws (StrideFunctionInvoker).
   */
  public static final String HANDLER = "app.stride.aws.lambda.StrideFunctionInvoker::handleRequest";

  /** The variable choosing where a function's meters go (shared-aws {@code LambdaMetrics}). */
  public static final String METRICS_ENV = "STRIDE_METRICS";

  /** Every Lambda writes its meters as CloudWatch EMF on stdout: no API call, no extra grant. */
  public static final String METRICS = "emf";

  /** What differs between the Lambdas of a jar. */
  public record Spec(
      String name,
      String mainClass,
      String definition,
      int timeoutSeconds,
      boolean snapStart,
      Map<String, String> environment,
      List<DataAwsIamPolicyDocumentStatement> grants) {}

  /**
   * Memory, instruction set and concurrency of a function.
   *
   * @param memoryMb memory in MB; Lambda gives CPU in proportion to it
   * @param architecture {@code arm64} or {@code x86_64}; empty leaves Lambda's default ({@code
   *     x86_64}) and the attribute out of the Terraform JSON
   * @param reservedConcurrency concurrent executions reserved for (and capping) the function; empty
   *     means none reserved, no cap
   */
  public record Sizing(
      int memoryMb, Optional<String> architecture, OptionalInt reservedConcurrency) {

    /**
     * The architecture of every Stride Lambda: Graviton, and the one whose native crypto library
     * the Lambda jars carry (the parent POM's {@code accp.lambda.classifier}).
     */
    public static final String ARCHITECTURE = "arm64";

    /** 1024 MB, {@value #ARCHITECTURE}, no reserved concurrency. */
    public static final Sizing DEFAULT =
        new Sizing(1024, Optional.of(ARCHITECTURE), OptionalInt.empty());

    /** Validates the memory (Lambda's range) and the architecture name. */
    public Sizing {
      if (memoryMb < 128 || memoryMb > 10_240) {
        throw new IllegalArgumentException("Lambda memory must be 128..10240 MB: " + memoryMb);
      }
      architecture.ifPresent(
          a -> {
            if (!a.equals("arm64") && !a.equals("x86_64")) {
              throw new IllegalArgumentException("unknown Lambda architecture: " + a);
            }
          });
    }

    /** Graviton ({@code arm64}) with {@code memoryMb} and {@code reservedConcurrency} reserved. */
    public static Sizing arm64(int memoryMb, int reservedConcurrency) {
      return new Sizing(memoryMb, Optional.of(ARCHITECTURE), OptionalInt.of(reservedConcurrency));
    }
  }

  /**
   * Where a function attached to the region's network runs: its network interfaces go into {@code
   * subnetIds} with {@code securityGroupIds}.
   */
  public record Network(List<String> subnetIds, List<String> securityGroupIds) {

    /** Copies the lists; both must name something. */
    public Network {
      subnetIds = List.copyOf(subnetIds);
      securityGroupIds = List.copyOf(securityGroupIds);
      if (subnetIds.isEmpty() || securityGroupIds.isEmpty()) {
        throw new IllegalArgumentException("a function's network needs subnets and a group");
      }
    }
  }

  private final LambdaFunction function;
  private final FunctionRole role;

  /** Creates the function {@code spec.name()} from {@code jar} (hashed when it exists). */
  public SpringLambda(
      Construct scope,
      String id,
      Spec spec,
      BuiltArtifact jar,
      ObservabilityConfig observability,
      String regionId) {
    this(scope, id, spec, Sizing.DEFAULT, jar, observability, regionId);
  }

  /** Creates the function {@code spec.name()} from {@code jar}, sized by {@code sizing}. */
  public SpringLambda(
      Construct scope,
      String id,
      Spec spec,
      Sizing sizing,
      BuiltArtifact jar,
      ObservabilityConfig observability,
      String regionId) {
    this(scope, id, spec, sizing, Optional.empty(), jar, observability, regionId);
  }

  /**
   * Creates the function {@code spec.name()} from {@code jar}, sized by {@code sizing}, attached to
   * {@code network} when given (the spec's grants must then let Lambda manage its interfaces).
   */
  public SpringLambda(
      Construct scope,
      String id,
      Spec spec,
      Sizing sizing,
      Optional<Network> network,
      BuiltArtifact jar,
      ObservabilityConfig observability,
      String regionId) {
    super(scope, id);
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(this, "logs")
            .name("/aws/lambda/" + spec.name())
            .retentionInDays(observability.logRetentionDays())
            .build();
    role = new FunctionRole(this, "role", spec.name(), spec.grants(), logs.getArn());
    LambdaFunction.Builder builder =
        LambdaFunction.Builder.create(this, "function")
            .functionName(spec.name())
            .role(role.arn())
            .runtime("java17")
            .handler(HANDLER)
            .filename(jar.path())
            .memorySize(sizing.memoryMb())
            .timeout(spec.timeoutSeconds())
            .publish(spec.snapStart())
            .environment(LambdaFunctionEnvironment.builder().variables(environment(spec)).build())
            .dependsOn(List.of(logs, role.policy()));
    sizing.architecture().ifPresent(a -> builder.architectures(List.of(a)));
    sizing.reservedConcurrency().ifPresent(builder::reservedConcurrentExecutions);
    network.ifPresent(
        n ->
            builder.vpcConfig(
                LambdaFunctionVpcConfig.builder()
                    .subnetIds(n.subnetIds())
                    .securityGroupIds(n.securityGroupIds())
                    .build()));
    if (spec.snapStart()) {
      builder.snapStart(LambdaFunctionSnapStart.builder().applyOn("PublishedVersions").build());
    }
    jar.sha256Base64().ifPresent(builder::sourceCodeHash);
    function = builder.build();
    CloudwatchMetricAlarm.Builder.create(this, "errors")
        .alarmName(spec.name() + "-errors")
        .alarmDescription("Errors of " + spec.definition() + " in " + regionId)
        .namespace("AWS/Lambda")
        .metricName("Errors")
        .dimensions(Map.of("FunctionName", spec.name()))
        .statistic("Sum")
        .period(observability.errorAlarmPeriodSeconds())
        .evaluationPeriods(1)
        .threshold(observability.errorAlarmThreshold())
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
    // Any throttle means the function hit its reserved concurrency (FunctionLimits).
    CloudwatchMetricAlarm.Builder.create(this, "throttles")
        .alarmName(spec.name() + "-throttles")
        .alarmDescription("Throttled invocations of " + spec.definition() + " in " + regionId)
        .namespace("AWS/Lambda")
        .metricName("Throttles")
        .dimensions(Map.of("FunctionName", spec.name()))
        .statistic("Sum")
        .period(observability.errorAlarmPeriodSeconds())
        .evaluationPeriods(1)
        .threshold(1)
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
  }

  private static Map<String, String> environment(Spec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MAIN_CLASS", spec.mainClass());
    env.put("SPRING_CLOUD_FUNCTION_DEFINITION", spec.definition());
    env.putAll(spec.environment());
    // The edge's meters as CloudWatch Embedded Metric Format lines in the function's log group.
    env.put(METRICS_ENV, METRICS);
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    // The adapter logs every event at INFO, bearer tokens included.
    env.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN");
    return env;
  }

  /** The function. */
  public LambdaFunction function() {
    return function;
  }

  /** The ARN of the function's own role. */
  public String roleArn() {
    return role.arn();
  }
}
