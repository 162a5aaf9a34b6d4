package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * The outbox relay of one capability in one region: a Lambda running the capability's relay bean
 * from its jar ({@link Capability.Outbox#relayDefinition()}), invoked every minute by the schedule
 * {@code <name>-outbox-relay} of the region's group ({@link LambdaSchedule}). It may read, put and
 * delete the table's items, query only the outbox index, send to the capability's events queue and
 * use the region's key.
 *
 * <p>A missed or failed tick is not retried: the next one, a minute later, relays the same pending
 * events. The function has no SnapStart: it runs warm on a one-minute rate, and the jar's SnapStart
 * priming builds the HTTP function, which this Lambda is not configured for.
 */
public final class OutboxRelay extends Construct {

  /** How often a relay runs. */
  public static final String RATE = "rate(1 minute)";

  private static final int ONE_MINUTE = 60;

  private final LambdaFunction function;
  private final LambdaSchedule schedule;

  /** Creates the relay Lambda and its schedule in {@code scheduleGroupName}. */
  public OutboxRelay(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      String scheduleGroupName,
      ObservabilityConfig observability,
      BuiltArtifact jar) {
    super(scope, id);
    Capability capability = runtime.capability();
    Capability.Outbox outbox =
        capability
            .outbox()
            .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no outbox"));
    RegionConfig region = runtime.region();
    String name = region.outboxRelayFunctionName(capability.name());
    CapabilityTable table = runtime.table();
    function =
        new SpringLambda(
                this,
                "lambda",
                new SpringLambda.Spec(
                    name,
                    capability.awsMainClass(),
                    outbox.relayDefinition(),
                    ONE_MINUTE,
                    false,
                    runtime.relayEnvironment(),
                    grants(runtime, table, outbox)),
                SpringLambda.Sizing.arm64(CapabilityLambda.MEMORY_MB, FunctionLimits.SCHEDULED),
                jar,
                observability,
                region.id())
            .function();
    schedule =
        new LambdaSchedule(
            this,
            "schedule",
            region,
            new LambdaSchedule.Spec(
                scheduleName(capability),
                "Relays pending " + capability.name() + " events of " + region.id(),
                RATE,
                scheduleGroupName,
                name + "-scheduler"),
            function);
  }

  private static List<DataAwsIamPolicyDocumentStatement> grants(
      CapabilityRuntime runtime, CapabilityTable table, Capability.Outbox outbox) {
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(
        allow(
            CapabilityRuntime.pascal(runtime.capability().name()) + "Table",
            CapabilityRuntime.RELAY_ITEM_ACTIONS,
            table.arn()));
    grants.add(allow("OutboxIndex", List.of("dynamodb:Query"), table.indexArn(outbox.index())));
    grants.addAll(runtime.relayGrants());
    return grants;
  }

  /** The schedule's name inside the region's group; also the tick's schedule name. */
  public static String scheduleName(Capability capability) {
    return capability.name() + "-outbox-relay";
  }

  /** The relay function's name. */
  public String functionName() {
    return function.getFunctionName();
  }

  /** The schedule's ARN. */
  public String scheduleArn() {
    return schedule.arn();
  }
}
