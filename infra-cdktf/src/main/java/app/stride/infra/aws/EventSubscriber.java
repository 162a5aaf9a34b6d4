package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.lambda_event_source_mapping.LambdaEventSourceMapping;
import com.hashicorp.cdktf.providers.aws.lambda_event_source_mapping.LambdaEventSourceMappingScalingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One subscriber of a capability in one region ({@link Capability.Subscriber}), e.g. its data
 * eraser: a Lambda {@code stride-<name>-<stem>-<regionId>} running {@link
 * Capability.Subscriber#definition()} of the capability's jar with its timeout and memory, fed by
 * its own queue ({@link EventsQueue#forSubscriber}, filled by the events queue's fan-out) through
 * an SQS event source of {@value #BATCH_SIZE} message per invocation that reports partial batch
 * failures, its cap as both reserved concurrency and the event source's maximum concurrency.
 *
 * <p>Its environment is what the jar's Spring context needs to start ({@code <Name>AwsConfig}
 * requires them): region, own table, events queue and, where the capability has them, its bucket's
 * name and its work queue's URL; not its keys, settings bundle or cursor key, which the erasers do
 * not use (the devices token cipher and settings are read on first use only). Its role has exactly
 * what its code does ({@link #grants}): receiving from its queue, the region key, and per
 * subscriber the item actions, objects and queues its use case touches.
 *
 * <p>No SnapStart, as for a queue worker: a cold start delays an erasure, not a user.
 */
public final class EventSubscriber extends Construct {

  /**
   * Messages per invocation: one, since a batch shares one time limit and one erasure may use it
   * all (the devices eraser pages through a user's items and objects).
   */
  public static final int BATCH_SIZE = 1;

  /**
   * What the profiles eraser does to its table ({@code DynamoProfileStore}): a consistent read, the
   * conditional put of the delete marker, and the conditional delete of a drained marker.
   */
  public static final List<String> PROFILES_ERASER_TABLE_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");

  /**
   * What the planner eraser does to its table ({@code DynamoCalendarFeedStore}, {@code
   * DynamoMyPlanStore.eraseAll}): read the calendar feed, delete its token lookup and conditionally
   * the feed, list the user's plans by query and delete each; no writes, on the table only.
   */
  public static final List<String> PLANNER_ERASER_TABLE_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:DeleteItem");

  /**
   * What the workouts eraser does to its table ({@code DynamoWorkoutEraser}, {@code
   * PartitionEraser}): page through the user's partition by query (keys only) and delete each page
   * by {@code BatchWriteItem}; on the table only, never an index.
   */
  public static final List<String> WORKOUTS_ERASER_TABLE_ACTIONS =
      List.of("dynamodb:Query", "dynamodb:BatchWriteItem");

  /**
   * What the devices eraser does to its table: list connections and page through a user's items by
   * query ({@code DynamoConnectionStore}, {@code PartitionEraser}), read and conditionally delete a
   * connection and its claim, delete pages of keys by {@code BatchWriteItem}, and put the
   * erased-account marker first ({@code DynamoErasedAccounts}, one {@code PutItem}); on the table
   * only, never an index.
   */
  public static final List<String> DEVICES_ERASER_TABLE_ACTIONS =
      List.of(
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem");

  /**
   * The folders of the devices bucket the eraser lists and empties ({@code
   * ImportService.originalsFolder}, {@code SampleStreams.userFolder}), as {@code s3:prefix}
   * patterns.
   */
  public static final List<String> DEVICES_ERASER_PREFIXES = List.of("originals/*", "samples/*");

  private final SpringLambda lambda;

  /**
   * Creates the function of {@code runtime}'s {@code subscriber}, fed by {@code queue}, capped at
   * {@code maxConcurrency}.
   */
  public EventSubscriber(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      Capability.Subscriber subscriber,
      EventsQueue queue,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int maxConcurrency) {
    super(scope, id);
    Capability capability = runtime.capability();
    if (!capability.subscribers().contains(subscriber)) {
      throw new IllegalArgumentException(capability.name() + " has no subscriber " + subscriber);
    }
    RegionConfig region = runtime.region();
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                region.subscriberFunctionName(capability.name(), subscriber.stem()),
                capability.awsMainClass(),
                subscriber.definition(),
                subscriber.timeoutSeconds(),
                false,
                environment(runtime),
                grants(runtime, subscriber, queue)),
            SpringLambda.Sizing.arm64(subscriber.memoryMb(), maxConcurrency),
            jar,
            observability,
            region.id());
    LambdaEventSourceMapping.Builder.create(this, "queue_source")
        .eventSourceArn(queue.arn())
        .functionName(lambda.function().getArn())
        .batchSize(BATCH_SIZE)
        .functionResponseTypes(List.of(QueueWorker.REPORT_BATCH_ITEM_FAILURES))
        .scalingConfig(
            LambdaEventSourceMappingScalingConfig.builder()
                .maximumConcurrency(maxConcurrency)
                .build())
        .build();
  }

  /**
   * The subscriber's environment, also its sweep's ({@link SubscriberSweep}): {@link
   * CapabilityRuntime#startEnvironment}.
   */
  static Map<String, String> environment(CapabilityRuntime runtime) {
    return runtime.startEnvironment();
  }

  /** Receiving from its queue, and what its use case does to the stores ({@link #storeGrants}). */
  static List<DataAwsIamPolicyDocumentStatement> grants(
      CapabilityRuntime runtime, Capability.Subscriber subscriber, EventsQueue queue) {
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(
        allow(
            CapabilityRuntime.pascal(
                    EventsQueue.subscriberStem(runtime.capability().name(), subscriber))
                + "Receive",
            CapabilityRuntime.WORK_RECEIVE_ACTIONS,
            queue.arn()));
    grants.addAll(storeGrants(runtime, subscriber));
    return grants;
  }

  /**
   * The region key (its queue, table and the queues it sends to are encrypted with it) and what its
   * use case does, which its sweep ({@link SubscriberSweep}) does again: the profiles eraser reads
   * and rewrites the profile item and publishes the profile's deletion to its events queue; the
   * planner eraser reads and deletes the feed and plan items, publishing nothing; the devices
   * eraser queries and deletes the user's items, lists and deletes the user's objects (no reads, no
   * writes, so not the bucket's key) and queues each connection's revocation on its work queue (the
   * sealed tokens as stored, so not the token key). A subscriber not listed here fails the synth:
   * its rights must be decided, not inherited.
   */
  static List<DataAwsIamPolicyDocumentStatement> storeGrants(
      CapabilityRuntime runtime, Capability.Subscriber subscriber) {
    Capability capability = runtime.capability();
    String stem = CapabilityRuntime.pascal(capability.name());
    CapabilityTable table = runtime.table();
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(runtime.keyGrant());
    if (subscriber.equals(Capabilities.PROFILES_ERASER)) {
      grants.add(allow(stem + "Table", PROFILES_ERASER_TABLE_ACTIONS, table.arn()));
      grants.add(runtime.eventsGrant().orElseThrow());
    } else if (subscriber.equals(Capabilities.PLANNER_ERASER)) {
      grants.add(allow(stem + "Table", PLANNER_ERASER_TABLE_ACTIONS, table.arn()));
    } else if (subscriber.equals(Capabilities.WORKOUTS_ERASER)) {
      grants.add(allow(stem + "Table", WORKOUTS_ERASER_TABLE_ACTIONS, table.arn()));
    } else if (subscriber.equals(Capabilities.DEVICES_ERASER)) {
      CapabilityBucket bucket = runtime.stores().bucket(capability.name());
      grants.add(allow(stem + "Table", DEVICES_ERASER_TABLE_ACTIONS, table.arn()));
      grants.add(
          DataAwsIamPolicyDocumentStatement.builder()
              .sid(stem + "ListUserFolders")
              .effect("Allow")
              .actions(CapabilityBucket.BUCKET_ACTIONS)
              .resources(List.of(bucket.arn()))
              .condition(
                  List.of(
                      DataAwsIamPolicyDocumentStatementCondition.builder()
                          .test("StringLike")
                          .variable("s3:prefix")
                          .values(DEVICES_ERASER_PREFIXES)
                          .build()))
              .build());
      grants.add(allow(stem + "DeleteObjects", List.of("s3:DeleteObject"), bucket.objectsArn()));
      grants.add(runtime.workSendGrant().orElseThrow());
    } else {
      throw new IllegalArgumentException(
          "no grants decided for subscriber "
              + subscriber.definition()
              + " of "
              + capability.name());
    }
    return grants;
  }

  /** The ARN of the subscriber's role. */
  public String roleArn() {
    return lambda.roleArn();
  }
}
