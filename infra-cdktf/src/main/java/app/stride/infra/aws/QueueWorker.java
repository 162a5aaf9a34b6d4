package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_event_source_mapping.LambdaEventSourceMapping;
import com.hashicorp.cdktf.providers.aws.lambda_event_source_mapping.LambdaEventSourceMappingScalingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The worker of a capability's work queue in one region, where the capability declares one: a
 * Lambda {@code stride-<name>-worker-<regionId>} running {@link Capability.Worker#definition()} of
 * the capability's jar with {@link Capability.Worker#memoryMb()}, fed by an SQS event source of
 * {@value #BATCH_SIZE} message per invocation that reports partial batch failures ({@code
 * SqsBatchFunction} answers them), with its cap as both reserved concurrency and the event source's
 * maximum concurrency. Its role may receive and delete from the work queue (not send), use its own
 * table, the tables it reads, its bucket and keys. Its environment is the HTTP function's data and
 * resource variables, plus the region's share of limits all regions draw on ({@link
 * Capability.Worker#regionShareVariables()}).
 *
 * <p>No SnapStart: the jar's SnapStart priming builds the HTTP function, and a queue worker's cold
 * start delays a message, not a user.
 */
public final class QueueWorker extends Construct {

  /**
   * Messages per invocation: one, since a message may be an uploaded file taking minutes, and a
   * batch shares one time limit (a timed-out batch would come back whole, its receive counts used).
   */
  public static final int BATCH_SIZE = 1;

  /** Lambda answers partial batch failures in this shape. */
  public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

  private final SpringLambda lambda;

  /**
   * Creates the worker of {@code runtime}'s capability, capped at {@code maxConcurrency}, its
   * {@link Capability.Worker#regionShareVariables()} set to {@code regionShare}.
   */
  public QueueWorker(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int maxConcurrency,
      String regionShare) {
    super(scope, id);
    Capability capability = runtime.capability();
    Capability.Worker work =
        capability
            .worker()
            .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no worker"));
    RegionConfig region = runtime.region();
    EventsQueue queue = runtime.workQueue().orElseThrow();
    Map<String, String> env = runtime.dataEnvironment(true);
    env.putAll(runtime.resourceEnvironment());
    env.putAll(work.regionShareEnvironment(regionShare));
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(runtime.tableGrant());
    grants.addAll(runtime.readGrants());
    runtime.eventsGrant().ifPresent(grants::add);
    // The region key also encrypts the work queue: receiving decrypts.
    grants.add(runtime.keyGrant());
    grants.addAll(runtime.resourceGrants());
    grants.add(runtime.workReceiveGrant().orElseThrow());
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                region.workerFunctionName(capability.name()),
                capability.awsMainClass(),
                work.definition(),
                work.timeoutSeconds(),
                false,
                env,
                grants),
            SpringLambda.Sizing.arm64(work.memoryMb(), maxConcurrency),
            jar,
            observability,
            region.id());
    LambdaEventSourceMapping.Builder.create(this, "queue_source")
        .eventSourceArn(queue.arn())
        .functionName(lambda.function().getArn())
        .batchSize(BATCH_SIZE)
        .functionResponseTypes(List.of(REPORT_BATCH_ITEM_FAILURES))
        .scalingConfig(
            LambdaEventSourceMappingScalingConfig.builder()
                .maximumConcurrency(maxConcurrency)
                .build())
        .build();
  }

  /** The ARN of the worker's role. */
  public String roleArn() {
    return lambda.roleArn();
  }
}
