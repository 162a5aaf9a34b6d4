package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * The scheduled follow-up of a subscriber in one AWS region ({@link Capability.Sweep}, so far the
 * devices eraser's): a Lambda {@code stride-<name>-<stem>-sweep-<regionId>} running {@link
 * Capability.Sweep#definition()} of the capability's jar with the subscriber's time limit, memory
 * and environment ({@link EventSubscriber}), at most {@code maxConcurrency} (one) at a time,
 * invoked at {@link Capability.Sweep#awsRate()} by the schedule {@link
 * Capability.Sweep#scheduleName()} of the region's group ({@link LambdaSchedule}: no retries, the
 * next tick does the same work).
 *
 * <p>Its role has what the subscriber does to the stores ({@link EventSubscriber#storeGrants}), not
 * its queue, plus {@code dynamodb:Query} on the one index it lists the accounts to sweep from
 * ({@link Capability.Sweep#awsIndex()}); like the subscriber, none of the capability's own keys. No
 * SnapStart, as for the relays: the jar's priming builds the HTTP function.
 */
public final class SubscriberSweep extends Construct {

  private final LambdaFunction function;
  private final LambdaSchedule schedule;

  /**
   * Creates the sweep of {@code runtime}'s {@code subscriber} and its schedule in {@code
   * scheduleGroupName}.
   */
  public SubscriberSweep(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      Capability.Subscriber subscriber,
      String scheduleGroupName,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int maxConcurrency) {
    super(scope, id);
    Capability capability = runtime.capability();
    if (!capability.subscribers().contains(subscriber)) {
      throw new IllegalArgumentException(capability.name() + " has no subscriber " + subscriber);
    }
    Capability.Sweep sweep = subscriber.requiredSweep();
    RegionConfig region = runtime.region();
    String name = region.subscriberSweepFunctionName(capability.name(), subscriber.stem());
    function =
        new SpringLambda(
                this,
                "lambda",
                new SpringLambda.Spec(
                    name,
                    capability.awsMainClass(),
                    sweep.definition(),
                    subscriber.timeoutSeconds(),
                    false,
                    EventSubscriber.environment(runtime),
                    grants(runtime, subscriber, sweep)),
                SpringLambda.Sizing.arm64(subscriber.memoryMb(), maxConcurrency),
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
                sweep.scheduleName(),
                "Sweeps again what the "
                    + capability.name()
                    + " "
                    + subscriber.stem()
                    + " handled lately in "
                    + region.id(),
                sweep.awsRate(),
                scheduleGroupName,
                name + "-scheduler"),
            function);
  }

  /** The subscriber's store grants and querying the sweep's index of the capability's table. */
  static List<DataAwsIamPolicyDocumentStatement> grants(
      CapabilityRuntime runtime, Capability.Subscriber subscriber, Capability.Sweep sweep) {
    List<DataAwsIamPolicyDocumentStatement> grants =
        new ArrayList<>(EventSubscriber.storeGrants(runtime, subscriber));
    grants.add(
        allow(
            CapabilityRuntime.pascal(runtime.capability().name()) + "SweepIndex",
            List.of("dynamodb:Query"),
            runtime.table().indexArn(sweep.awsIndex())));
    return grants;
  }

  /** The sweep function's name. */
  public String functionName() {
    return function.getFunctionName();
  }

  /** The schedule's ARN. */
  public String scheduleArn() {
    return schedule.arn();
  }
}
