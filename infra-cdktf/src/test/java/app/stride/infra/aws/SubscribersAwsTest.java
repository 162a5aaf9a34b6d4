package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.aws.DevicesAwsTest.alarmTopic;
import static app.stride.infra.aws.DevicesAwsTest.function;
import static app.stride.infra.aws.DevicesAwsTest.grantsByResource;
import static app.stride.infra.aws.DevicesAwsTest.key;
import static app.stride.infra.aws.DevicesAwsTest.keyPolicy;
import static app.stride.infra.aws.DevicesAwsTest.roleArn;
import static app.stride.infra.aws.DevicesAwsTest.tableName;
import static app.stride.infra.aws.DevicesAwsTest.workQueue;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.FunctionLimits;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data erasers in every AWS region ({@link Capabilities#PROFILES_ERASER}, {@link
 * Capabilities#DEVICES_ERASER}): profile events piped to an encrypted topic ({@link EventsFanOut}),
 * one filtered queue per eraser, and each eraser's Lambda ({@link EventSubscriber}) with exactly
 * the rights its code uses.
 */
class SubscribersAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  private static final List<String> RECEIVE =
      List.of(
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:GetQueueAttributes");

  private static final List<String> REGION_KEY = List.of("kms:Decrypt", "kms:GenerateDataKey");

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void profileEvents_arePipedBodyUnchanged_toATopicEncryptedWithTheRegionKey(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode topic = topic(stack, regionId);
    JsonNode pipe = stack.only("aws_pipes_pipe");

    assertThat(topic.path("kms_master_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(pipe.path("name").asString()).isEqualTo("stride-profile-events-" + regionId);
    assertThat(pipe.path("source").asString()).isEqualTo(eventsQueueArn(stack, regionId));
    assertThat(pipe.path("target").asString()).isEqualTo(stack.ref("aws_sns_topic", topic, "arn"));
    assertThat(pipe.at("/source_parameters/sqs_queue_parameters/batch_size").asInt()).isEqualTo(10);
    // The SNS message is the SQS message's body: the producer's CloudEvent JSON.
    assertThat(pipe.at("/target_parameters/input_template").asString()).isEqualTo("<$.body>");
    assertThat(pipe.path("role_arn").asString())
        .isEqualTo(roleArn(stack, EventsFanOut.pipeRoleName(region, "profile-events")));
    assertThat(strings(pipe.path("depends_on")))
        .singleElement()
        .asString()
        .startsWith("aws_iam_role_policy.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void profileEvents_nowDrainedByThePipe_keep14Days_andTheirDeadLettersRaiseAnAlarm(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String name = "stride-profile-events-" + regionId;
    JsonNode alarm =
        stack.named("aws_cloudwatch_metric_alarm", "alarm_name", name + "-dlq-not-empty");

    assertThat(eventsQueue(stack, regionId).path("message_retention_seconds").asInt())
        .isEqualTo(14 * 24 * 3600);
    assertThat(alarm.at("/dimensions/QueueName").asString()).isEqualTo(name + "-dlq");
    assertThat(alarm.path("comparison_operator").asString()).isEqualTo("GreaterThanThreshold");
    assertThat(alarm.path("threshold").asDouble()).isZero();
    assertThat(strings(alarm.path("alarm_actions"))).containsExactly(alarmTopic(stack, regionId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void pipeRole_isAssumedByPipesOnly_mayOnlyReceiveTheEventsPublishToTheTopicAndUseTheRegionKey(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String roleName = EventsFanOut.pipeRoleName(region, "profile-events");
    JsonNode role = stack.named("aws_iam_role", "name", roleName);
    JsonNode trust = stack.policyDocument(role.path("assume_role_policy").asString());

    assertThat(strings(trust.at("/statement/0/principals/0/identifiers")))
        .containsExactly("pipes.amazonaws.com");
    assertThat(trust.at("/statement/0/condition/0/variable").asString())
        .isEqualTo("aws:SourceAccount");
    assertThat(grantsByResource(stack, roleName))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                eventsQueueArn(stack, regionId),
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                stack.ref("aws_sns_topic", topic(stack, regionId), "arn"),
                List.of("sns:Publish"),
                stack.ref("aws_kms_key", stack.regionKey(), "arn"),
                REGION_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void eachEraserQueue_isSubscribedRaw_filteredOnTheBodysType_andSendableOnlyBySnsForThatTopic(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String topic = stack.ref("aws_sns_topic", topic(stack, regionId), "arn");
    List<JsonNode> subscriptions =
        stack.resources("aws_sns_topic_subscription").values().stream()
            .filter(s -> s.path("topic_arn").asString().equals(topic))
            .toList();

    assertThat(subscriptions).hasSize(4);
    for (String capability : List.of("profiles", "planner", "workouts", "devices")) {
      JsonNode queue = eraserQueue(stack, capability, regionId);
      String queueArn = stack.ref("aws_sqs_queue", queue, "arn");
      JsonNode subscription = stack.named("aws_sns_topic_subscription", "endpoint", queueArn);
      JsonNode policy = stack.named("aws_sqs_queue_policy", "queue_url", url(stack, queue));
      JsonNode statements =
          stack.policyDocument(policy.path("policy").asString()).path("statement");

      assertThat(subscription.path("topic_arn").asString()).isEqualTo(topic);
      assertThat(subscription.path("protocol").asString()).isEqualTo("sqs");
      assertThat(subscription.path("raw_message_delivery").asBoolean()).isTrue();
      assertThat(subscription.path("filter_policy_scope").asString()).isEqualTo("MessageBody");
      assertThat(JsonMapper.shared().readTree(subscription.path("filter_policy").asString()))
          .isEqualTo(JsonMapper.shared().readTree("{\"type\":[\"app.stride.user.v1.deleted\"]}"));
      // Only SNS may send, only for this topic, only to this queue.
      assertThat(statements.values()).hasSize(1);
      JsonNode send = statements.get(0);
      assertThat(send.path("effect").asString()).isEqualTo("Allow");
      assertThat(send.at("/principals/0/type").asString()).isEqualTo("Service");
      assertThat(strings(send.at("/principals/0/identifiers")))
          .containsExactly("sns.amazonaws.com");
      assertThat(strings(send.path("actions"))).containsExactly("sqs:SendMessage");
      assertThat(strings(send.path("resources"))).containsExactly(queueArn);
      assertThat(send.path("condition").values()).hasSize(1);
      assertThat(send.at("/condition/0/test").asString()).isEqualTo("ArnEquals");
      assertThat(send.at("/condition/0/variable").asString()).isEqualTo("aws:SourceArn");
      assertThat(strings(send.at("/condition/0/values"))).containsExactly(topic);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void regionKey_letsSnsUseItOnlyForTheFanOutTopic_andLeavesTheRestToIam(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode statements = keyPolicy(stack, stack.regionKey()).path("statement");
    JsonNode account = statements.get(0);
    JsonNode sns = statements.get(1);
    Map<String, String> conditions = new LinkedHashMap<>();
    sns.path("condition")
        .values()
        .forEach(
            c ->
                conditions.put(
                    c.path("test").asString() + " " + c.path("variable").asString(),
                    String.join(",", strings(c.path("values")))));

    assertThat(statements.values()).hasSize(2);
    // As the default key policy: the account's IAM policies decide who uses the key.
    assertThat(strings(account.at("/principals/0/identifiers")))
        .singleElement()
        .asString()
        .endsWith(":root");
    assertThat(strings(account.path("actions"))).containsExactly("kms:*");
    assertThat(sns.at("/principals/0/type").asString()).isEqualTo("Service");
    assertThat(strings(sns.at("/principals/0/identifiers"))).containsExactly("sns.amazonaws.com");
    assertThat(strings(sns.path("actions"))).containsExactly("kms:GenerateDataKey", "kms:Decrypt");
    assertThat(conditions)
        .containsOnlyKeys("ArnEquals aws:SourceArn")
        .containsEntry(
            "ArnEquals aws:SourceArn", stack.ref("aws_sns_topic", topic(stack, regionId), "arn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void eraserQueues_outlastSixEraserTimeouts_keepMessages14Days_deadLetterWithAnAlarm(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String regionKey = stack.ref("aws_kms_key", stack.regionKey(), "arn");
    Map<String, Capability.Subscriber> erasers =
        Map.of(
            "profiles",
            Capabilities.PROFILES_ERASER,
            "planner",
            Capabilities.PLANNER_ERASER,
            "workouts",
            Capabilities.WORKOUTS_ERASER,
            "devices",
            Capabilities.DEVICES_ERASER);

    erasers.forEach(
        (capability, eraser) -> {
          String name = "stride-" + capability + "-eraser-" + regionId;
          JsonNode queue = eraserQueue(stack, capability, regionId);
          JsonNode dlq = stack.named("aws_sqs_queue", "name", name + "-dlq");
          JsonNode redrive = JsonMapper.shared().readTree(queue.path("redrive_policy").asString());
          JsonNode alarm =
              stack.named("aws_cloudwatch_metric_alarm", "alarm_name", name + "-dlq-not-empty");

          assertThat(queue.path("kms_master_key_id").asString()).isEqualTo(regionKey);
          assertThat(dlq.path("kms_master_key_id").asString()).isEqualTo(regionKey);
          assertThat(queue.path("visibility_timeout_seconds").asInt())
              .as(name)
              .isEqualTo(6 * eraser.timeoutSeconds());
          assertThat(queue.path("message_retention_seconds").asInt()).isEqualTo(14 * 24 * 3600);
          assertThat(redrive.path("deadLetterTargetArn").asString())
              .isEqualTo(stack.ref("aws_sqs_queue", dlq, "arn"));
          assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
          assertThat(alarm.at("/dimensions/QueueName").asString()).isEqualTo(name + "-dlq");
          assertThat(alarm.path("threshold").asDouble()).isZero();
          assertThat(strings(alarm.path("alarm_actions")))
              .containsExactly(alarmTopic(stack, regionId));
        });
    assertThat(eraserQueue(stack, "devices", regionId).path("visibility_timeout_seconds").asInt())
        .isEqualTo(1800);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void erasers_runTheirBeans_withTheirTimeAndMemory_cappedAtTwo_fedOneMessageWithItemFailures(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    Map<String, Capability.Subscriber> erasers =
        Map.of(
            "profiles",
            Capabilities.PROFILES_ERASER,
            "planner",
            Capabilities.PLANNER_ERASER,
            "workouts",
            Capabilities.WORKOUTS_ERASER,
            "devices",
            Capabilities.DEVICES_ERASER);

    erasers.forEach(
        (capability, eraser) -> {
          String name = region.subscriberFunctionName(capability, "eraser");
          JsonNode fn = function(stack, name);
          JsonNode source =
              stack.named(
                  "aws_lambda_event_source_mapping",
                  "function_name",
                  stack.ref("aws_lambda_function", fn, "arn"));

          assertThat(fn.path("filename").asString()).endsWith(ENV.artifacts().awsJar(capability));
          assertThat(fn.at("/environment/variables/MAIN_CLASS").asString())
              .isEqualTo(Capabilities.named(capability).awsMainClass());
          assertThat(fn.at("/environment/variables/SPRING_CLOUD_FUNCTION_DEFINITION").asString())
              .isEqualTo(eraser.definition());
          assertThat(fn.path("timeout").asInt()).isEqualTo(eraser.timeoutSeconds());
          assertThat(fn.path("memory_size").asInt()).isEqualTo(eraser.memoryMb());
          assertThat(fn.path("reserved_concurrent_executions").asInt())
              .isEqualTo(FunctionLimits.SUBSCRIBER)
              .isEqualTo(2);
          assertThat(fn.has("snap_start")).isFalse();
          assertThat(fn.path("role").asString())
              .isEqualTo(roleArn(stack, name))
              .isNotEqualTo(roleArn(stack, region.functionName(capability)));
          assertThat(source.path("event_source_arn").asString())
              .isEqualTo(
                  stack.ref("aws_sqs_queue", eraserQueue(stack, capability, regionId), "arn"));
          assertThat(source.path("batch_size").asInt()).isEqualTo(1);
          assertThat(strings(source.path("function_response_types")))
              .containsExactly("ReportBatchItemFailures");
          assertThat(source.at("/scaling_config/maximum_concurrency").asInt()).isEqualTo(2);
        });
    assertThat(
            function(stack, region.subscriberFunctionName("devices", "eraser"))
                .at("/environment/variables/SPRING_CLOUD_FUNCTION_DEFINITION")
                .asString())
        .isEqualTo("devicesUserEraserQueue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void erasers_getWhatTheirSpringContextReadsAtStart_noKeysBundleOrCursor(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode profiles =
        function(stack, region.subscriberFunctionName("profiles", "eraser"))
            .at("/environment/variables");
    JsonNode planner =
        function(stack, region.subscriberFunctionName("planner", "eraser"))
            .at("/environment/variables");
    JsonNode devices =
        function(stack, region.subscriberFunctionName("devices", "eraser"))
            .at("/environment/variables");
    String events = stack.ref("aws_sqs_queue", eventsQueue(stack, regionId), "url");

    assertThat(profiles.path("STRIDE_REGION").asString()).isEqualTo(regionId);
    assertThat(profiles.path("STRIDE_PROFILES_TABLE").asString())
        .isEqualTo(tableName(stack, "stride-profiles-" + regionId));
    assertThat(profiles.path("STRIDE_EVENTS_QUEUE_URL").asString()).isEqualTo(events);
    // PlannerAwsConfig requires the region; its own table, and no other (not the workouts table).
    assertThat(planner.path("STRIDE_REGION").asString()).isEqualTo(regionId);
    assertThat(planner.path("STRIDE_PLANNER_TABLE").asString())
        .isEqualTo(tableName(stack, "stride-planner-" + regionId));
    assertThat(planner.has("STRIDE_EVENTS_QUEUE_URL")).isFalse();
    assertThat(devices.path("STRIDE_REGION").asString()).isEqualTo(regionId);
    assertThat(devices.path("STRIDE_DEVICES_TABLE").asString())
        .isEqualTo(tableName(stack, "stride-devices-" + regionId));
    // DevicesAwsConfig requires the events queue (its publisher), the bucket and the work queue.
    assertThat(devices.path("STRIDE_EVENTS_QUEUE_URL").asString())
        .isEqualTo(
            stack.ref(
                "aws_sqs_queue",
                stack.named("aws_sqs_queue", "name", "stride-activity-events-" + regionId),
                "url"));
    assertThat(devices.path("STRIDE_DEVICES_BUCKET").asString())
        .isEqualTo(stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "bucket"));
    assertThat(devices.path("STRIDE_DEVICES_WORK_QUEUE_URL").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", workQueue(stack, regionId), "url"));
    for (JsonNode env : List.of(profiles, planner, devices)) {
      assertThat(env.propertyNames())
          .doesNotContain(
              "STRIDE_DEVICES_KMS_KEY_ID",
              "STRIDE_DEVICES_TOKEN_KEY_ID",
              "STRIDE_SECRETS_BUNDLE_ARN",
              "STRIDE_CURSOR_KEY_ARN",
              "STRIDE_JWKS_URL",
              "STRIDE_WORKOUTS_TABLE");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void profilesEraser_mayOnlyRewriteProfileItems_publishProfileEvents_andReceiveItsQueue(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    Map<String, List<String>> grants =
        grantsByResource(stack, region.subscriberFunctionName("profiles", "eraser"));
    grants.keySet().removeIf(r -> r.startsWith("${aws_cloudwatch_log_group."));

    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                tableArn(stack, "stride-profiles-" + regionId),
                List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"),
                eventsQueueArn(stack, regionId),
                List.of("sqs:SendMessage"),
                stack.ref("aws_sqs_queue", eraserQueue(stack, "profiles", regionId), "arn"),
                RECEIVE,
                stack.ref("aws_kms_key", stack.regionKey(), "arn"),
                REGION_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void plannerEraser_mayOnlyReadListAndDeleteItsItems_andReceiveItsQueue(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    Map<String, List<String>> grants =
        grantsByResource(stack, region.subscriberFunctionName("planner", "eraser"));
    grants.keySet().removeIf(r -> r.startsWith("${aws_cloudwatch_log_group."));

    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                tableArn(stack, "stride-planner-" + regionId),
                List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:DeleteItem"),
                stack.ref("aws_sqs_queue", eraserQueue(stack, "planner", regionId), "arn"),
                RECEIVE,
                stack.ref("aws_kms_key", stack.regionKey(), "arn"),
                REGION_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workoutsEraser_mayOnlyQueryAndBatchDeleteItsItems_noCursorKey_andReceiveItsQueue(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String name = region.subscriberFunctionName("workouts", "eraser");
    Map<String, List<String>> grants = grantsByResource(stack, name);
    grants.keySet().removeIf(r -> r.startsWith("${aws_cloudwatch_log_group."));

    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                tableArn(stack, "stride-workouts-" + regionId),
                List.of("dynamodb:Query", "dynamodb:BatchWriteItem"),
                stack.ref("aws_sqs_queue", eraserQueue(stack, "workouts", regionId), "arn"),
                RECEIVE,
                stack.ref("aws_kms_key", stack.regionKey(), "arn"),
                REGION_KEY));
    JsonNode env = function(stack, name).at("/environment/variables");
    assertThat(env.path("STRIDE_WORKOUTS_TABLE").asString())
        .isEqualTo(tableName(stack, "stride-workouts-" + regionId));
    assertThat(env.propertyNames())
        .doesNotContain("STRIDE_CURSOR_KEY_ARN", "STRIDE_PROFILES_TABLE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void devicesEraser_queriesAndDeletesItsItems_listsAndDeletesUserFolders_queuesRevocations_only(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String roleName = region.subscriberFunctionName("devices", "eraser");
    Map<String, List<String>> grants = grantsByResource(stack, roleName);
    grants.keySet().removeIf(r -> r.startsWith("${aws_cloudwatch_log_group."));
    String bucket = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn");
    JsonNode list =
        stack
            .inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName))
            .values()
            .stream()
            .filter(s -> strings(s.path("resources")).contains(bucket))
            .findFirst()
            .orElseThrow();

    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                tableArn(stack, "stride-devices-" + regionId),
                List.of(
                    "dynamodb:Query",
                    "dynamodb:GetItem",
                    "dynamodb:PutItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem"),
                bucket,
                List.of("s3:ListBucket"),
                bucket + "/*",
                List.of("s3:DeleteObject"),
                stack.ref("aws_sqs_queue", workQueue(stack, regionId), "arn"),
                List.of("sqs:SendMessage"),
                stack.ref("aws_sqs_queue", eraserQueue(stack, "devices", regionId), "arn"),
                RECEIVE,
                stack.ref("aws_kms_key", stack.regionKey(), "arn"),
                REGION_KEY));
    // Listing only the user folders it erases.
    assertThat(list.at("/condition/0/test").asString()).isEqualTo("StringLike");
    assertThat(list.at("/condition/0/variable").asString()).isEqualTo("s3:prefix");
    assertThat(strings(list.at("/condition/0/values"))).containsExactly("originals/*", "samples/*");
    // Not the devices keys: it neither reads nor writes objects, nor opens tokens.
    String eraserRole = roleArn(stack, roleName);
    for (String alias :
        List.of(
            "alias/stride-devices-objects-" + regionId,
            "alias/stride-devices-tokens-" + regionId)) {
      assertThat(grants).doesNotContainKey(stack.ref("aws_kms_key", key(stack, alias), "arn"));
      assertThat(
              strings(
                  keyPolicy(stack, key(stack, alias)).at("/statement/1/principals/0/identifiers")))
          .doesNotContain(eraserRole);
    }
  }

  private static JsonNode topic(TfStack stack, String regionId) {
    return stack.named("aws_sns_topic", "name", "stride-profile-events-" + regionId);
  }

  private static JsonNode eventsQueue(TfStack stack, String regionId) {
    return stack.named("aws_sqs_queue", "name", "stride-profile-events-" + regionId);
  }

  private static String eventsQueueArn(TfStack stack, String regionId) {
    return stack.ref("aws_sqs_queue", eventsQueue(stack, regionId), "arn");
  }

  private static JsonNode eraserQueue(TfStack stack, String capability, String regionId) {
    return stack.named("aws_sqs_queue", "name", "stride-" + capability + "-eraser-" + regionId);
  }

  private static String url(TfStack stack, JsonNode queue) {
    return stack.ref("aws_sqs_queue", queue, "url");
  }

  private static String tableArn(TfStack stack, String name) {
    return stack.ref("aws_dynamodb_table", stack.named("aws_dynamodb_table", "name", name), "arn");
  }
}
