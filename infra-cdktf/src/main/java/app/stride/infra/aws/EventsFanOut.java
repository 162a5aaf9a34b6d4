package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.pipes_pipe.PipesPipe;
import com.hashicorp.cdktf.providers.aws.pipes_pipe.PipesPipeSourceParameters;
import com.hashicorp.cdktf.providers.aws.pipes_pipe.PipesPipeSourceParametersSqsQueueParameters;
import com.hashicorp.cdktf.providers.aws.pipes_pipe.PipesPipeTargetParameters;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import com.hashicorp.cdktf.providers.aws.sqs_queue_policy.SqsQueuePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fan-out of one events queue of the region to its subscribers ({@link Capability.Subscriber}):
 * an SNS topic {@code stride-<events>-<regionId>} encrypted with the region's key, fed by an
 * EventBridge Pipe of the same name that takes the events queue's messages and publishes each
 * message's body, the structured CloudEvent JSON, as the topic's message (the target's input
 * template {@code <$.body>}, {@link #INPUT_TEMPLATE}). Each subscriber gets its own queue ({@link
 * #subscribe}), subscribed with raw message delivery and a filter on the body's {@code type}, so
 * its queue holds the CloudEvent JSON its producer sent and only the type it takes.
 *
 * <p>The pipe has its own role: receive, delete and inspect on that events queue, publish to that
 * topic, and the region key (decrypting the queue's messages, encrypting the topic's). SQS message
 * attributes do not cross the pipe; consumers read {@code traceparent} from the body ({@code
 * EventTracing}). The pipe sends at least once (a failed batch comes back whole), as the queue did;
 * the subscribers are idempotent. The events queue then keeps messages 14 days and alarms on its
 * dead letters ({@link EventsQueue#drainedByConsumers}).
 */
public final class EventsFanOut extends Construct {

  /** The pipe's target input: the SQS message's body, so the SNS message is the CloudEvent. */
  public static final String INPUT_TEMPLATE = "<$.body>";

  /**
   * Messages the pipe takes from the events queue per batch: SQS's largest receive; SNS gets one
   * publish per message.
   */
  public static final int BATCH_SIZE = 10;

  /** What the pipe does with its source queue. */
  public static final List<String> SOURCE_ACTIONS =
      List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

  private final SnsTopic topic;

  /** Creates the topic and the pipe from the events queue {@code source} named {@code events}. */
  public EventsFanOut(
      Construct scope,
      String id,
      RegionConfig region,
      RegionKey key,
      String events,
      EventsQueue source) {
    super(scope, id);
    String name = region.eventsName(events);
    source.drainedByConsumers();
    topic = SnsTopic.Builder.create(this, "topic").name(name).kmsMasterKeyId(key.arn()).build();
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    DataAwsIamPolicyDocument trust =
        FunctionRole.serviceTrust(
            this, "trust", "pipes.amazonaws.com", Optional.of(account.getAccountId()));
    IamRole pipeRole =
        IamRole.Builder.create(this, "role")
            .name(pipeRoleName(region, events))
            .assumeRolePolicy(trust.getJson())
            .build();
    DataAwsIamPolicyDocument permissions =
        DataAwsIamPolicyDocument.Builder.create(this, "permissions")
            .statement(
                List.of(
                    allow("ReceiveEvents", SOURCE_ACTIONS, source.arn()),
                    allow("PublishEvents", List.of("sns:Publish"), topic.getArn()),
                    // Decrypting the queue's messages, encrypting what it publishes to the topic.
                    allow("RegionKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), key.arn())))
            .build();
    IamRolePolicy policy =
        IamRolePolicy.Builder.create(this, "policy")
            .name(pipeRoleName(region, events) + "-data")
            .role(pipeRole.getId())
            .policy(permissions.getJson())
            .build();
    PipesPipe.Builder.create(this, "pipe")
        .name(name)
        .description("Publishes the " + events + " of " + region.id() + " to their topic")
        .roleArn(pipeRole.getArn())
        .source(source.arn())
        .sourceParameters(
            PipesPipeSourceParameters.builder()
                .sqsQueueParameters(
                    PipesPipeSourceParametersSqsQueueParameters.builder()
                        .batchSize(BATCH_SIZE)
                        .build())
                .build())
        .target(topic.getArn())
        .targetParameters(PipesPipeTargetParameters.builder().inputTemplate(INPUT_TEMPLATE).build())
        // Pipes checks its role's rights when it starts: not before the policy exists.
        .dependsOn(List.of(policy))
        .build();
  }

  /** {@code stride-<events>-pipe-<regionId>}: the pipe's role. */
  public static String pipeRoleName(RegionConfig region, String events) {
    return "stride-" + events + "-pipe-" + region.id();
  }

  /**
   * Subscribes {@code queue} to the events of type {@code eventType}: raw message delivery (the
   * queue's message is the CloudEvent JSON, not an SNS envelope), a filter policy on the message
   * body's {@code type}, and a queue policy letting SNS send to it for this topic only. The
   * region's key must let SNS use it for this topic ({@link RegionKey#letSnsDeliverFrom}), as the
   * queue is encrypted with it.
   */
  public void subscribe(String id, EventsQueue queue, String eventType) {
    DataAwsIamPolicyDocument delivery =
        DataAwsIamPolicyDocument.Builder.create(this, id + "_delivery")
            .statement(
                List.of(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .sid("TopicDelivers")
                        .effect("Allow")
                        .principals(
                            List.of(
                                DataAwsIamPolicyDocumentStatementPrincipals.builder()
                                    .type("Service")
                                    .identifiers(List.of(RegionKey.SNS_SERVICE))
                                    .build()))
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(queue.arn()))
                        .condition(
                            List.of(
                                DataAwsIamPolicyDocumentStatementCondition.builder()
                                    .test("ArnEquals")
                                    .variable("aws:SourceArn")
                                    .values(List.of(topic.getArn()))
                                    .build()))
                        .build()))
            .build();
    SqsQueuePolicy.Builder.create(this, id + "_queue_policy")
        .queueUrl(queue.url())
        .policy(delivery.getJson())
        .build();
    SnsTopicSubscription.Builder.create(this, id + "_subscription")
        .topicArn(topic.getArn())
        .protocol("sqs")
        .endpoint(queue.arn())
        .rawMessageDelivery(true)
        .filterPolicyScope("MessageBody")
        .filterPolicy(filterPolicy(eventType))
        .build();
  }

  /** {@code {"type":["<eventType>"]}}: the events of exactly that CloudEvent type. */
  public static String filterPolicy(String eventType) {
    return JsonMapper.shared().writeValueAsString(Map.of("type", List.of(eventType)));
  }

  /** The topic's ARN. */
  public String topicArn() {
    return topic.getArn();
  }
}
