package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devices capability in every AWS region: its table, its bucket with its own key, its token
 * envelope key, and that each is the region's own. Its worker and who may touch what (the HTTP
 * function and the worker): {@link DevicesWorkerAwsTest}, with the helpers here.
 */
class DevicesAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void devicesTable_isUserIdSk_withByStartOnStartKey_theOutboxIndex_andTtl(String regionId) {
    JsonNode table =
        SynthesizedStacks.region(regionId)
            .named("aws_dynamodb_table", "name", "stride-devices-" + regionId);

    assertThat(table.path("hash_key").asString()).isEqualTo("userId");
    assertThat(table.path("range_key").asString()).isEqualTo("sk");
    assertThat(table.path("local_secondary_index").values())
        .extracting(i -> i.path("name").asString() + "/" + i.path("range_key").asString())
        .containsExactly("byStart/startKey");
    assertThat(table.path("global_secondary_index").values())
        .extracting(i -> i.path("name").asString() + "/" + i.path("hash_key").asString())
        .containsExactly("outbox/outboxShard");
    assertThat(table.at("/ttl/attribute_name").asString()).isEqualTo("expiresAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void bucket_isPrivate_versioned_tlsOnly_andEncryptedWithItsOwnKeyAndABucketKey(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode bucket = stack.only("aws_s3_bucket");
    String bucketId = stack.ref("aws_s3_bucket", bucket, "id");
    String bucketArn = stack.ref("aws_s3_bucket", bucket, "arn");
    JsonNode block = stack.only("aws_s3_bucket_public_access_block");
    JsonNode sse = stack.only("aws_s3_bucket_server_side_encryption_configuration").path("rule");
    JsonNode objectsKey = key(stack, "alias/stride-devices-objects-" + regionId);
    JsonNode policy =
        stack.policyDocument(stack.only("aws_s3_bucket_policy").path("policy").asString());

    assertThat(bucket.path("bucket").asString())
        .matches(
            "stride-devices-"
                + regionId
                + "-\\$\\{data\\.aws_caller_identity\\.[A-Za-z0-9_]+\\.account_id}");
    assertThat(block.path("bucket").asString()).isEqualTo(bucketId);
    for (String setting :
        List.of(
            "block_public_acls",
            "block_public_policy",
            "ignore_public_acls",
            "restrict_public_buckets")) {
      assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
    }
    assertThat(
            stack.only("aws_s3_bucket_ownership_controls").at("/rule/object_ownership").asString())
        .isEqualTo("BucketOwnerEnforced");
    assertThat(sse.get(0).at("/apply_server_side_encryption_by_default/sse_algorithm").asString())
        .isEqualTo("aws:kms");
    assertThat(
            sse.get(0).at("/apply_server_side_encryption_by_default/kms_master_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", objectsKey, "arn"))
        .isNotEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(sse.get(0).path("bucket_key_enabled").asBoolean()).isTrue();
    assertThat(objectsKey.path("enable_key_rotation").asBoolean()).isTrue();
    assertThat(
            stack
                .only("aws_s3_bucket_versioning")
                .at("/versioning_configuration/status")
                .asString())
        .isEqualTo("Enabled");
    // The bucket policy refuses every request that does not come over TLS, and allows nothing.
    assertThat(policy.path("statement").values()).hasSize(1);
    JsonNode deny = policy.path("statement").get(0);
    assertThat(deny.path("effect").asString()).isEqualTo("Deny");
    assertThat(strings(deny.path("actions"))).containsExactly("s3:*");
    assertThat(strings(deny.path("resources"))).containsExactly(bucketArn, bucketArn + "/*");
    assertThat(deny.at("/condition/0/variable").asString()).isEqualTo("aws:SecureTransport");
    assertThat(strings(deny.at("/condition/0/values"))).containsExactly("false");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void bucketLifecycle_tiersOriginals_expiresOldVersions_andAbortsStaleUploads(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    JsonNode lifecycle = stack.only("aws_s3_bucket_lifecycle_configuration");
    lifecycle.path("rule").values().forEach(r -> rules.put(r.path("id").asString(), r));
    JsonNode archive = rules.get("archive-originals");

    assertThat(rules)
        .containsOnlyKeys(
            "archive-originals",
            "expire-noncurrent-versions",
            "abort-incomplete-multipart-uploads");
    assertThat(rules.values())
        .allSatisfy(r -> assertThat(r.path("status").asString()).isEqualTo("Enabled"));
    assertThat(archive.at("/filter/prefix").asString()).isEqualTo("originals/");
    assertThat(archive.path("transition").values())
        .extracting(t -> t.path("storage_class").asString() + "@" + t.path("days").asInt())
        .containsExactly("STANDARD_IA@30", "GLACIER_IR@180");
    assertThat(
            rules
                .get("expire-noncurrent-versions")
                .at("/noncurrent_version_expiration/noncurrent_days")
                .asInt())
        .isEqualTo(30);
    assertThat(
            rules
                .get("abort-incomplete-multipart-uploads")
                .at("/abort_incomplete_multipart_upload/days_after_initiation")
                .asInt())
        .isEqualTo(1);
    // Transitions and expiry of versions need versioning first.
    assertThat(strings(lifecycle.path("depends_on")))
        .singleElement()
        .asString()
        .startsWith("aws_s3_bucket_versioning.");
  }

  /**
   * Both devices keys of {@code stack} rotate, the account administers but cannot use them, and
   * exactly {@code devicesRoles} may use them, the objects key only through S3.
   */
  static void assertKeysRotate_usableOnlyBy(
      TfStack stack, RegionConfig region, List<String> devicesRoles) {
    String regionId = region.id();

    for (String alias :
        List.of(
            "alias/stride-devices-objects-" + regionId,
            "alias/stride-devices-tokens-" + regionId)) {
      JsonNode key = key(stack, alias);
      JsonNode keyPolicy = keyPolicy(stack, key);
      List<JsonNode> statements = new ArrayList<>();
      keyPolicy.path("statement").values().forEach(statements::add);
      JsonNode admin = statements.get(0);
      JsonNode use = statements.get(1);

      assertThat(key.path("enable_key_rotation").asBoolean()).as(alias).isTrue();
      assertThat(statements).as(alias).hasSize(2);
      // The account administers the key but cannot use it: no IAM policy can grant its use.
      assertThat(strings(admin.at("/principals/0/identifiers")))
          .singleElement()
          .asString()
          .matches(
              "arn:aws:iam::\\$\\{data\\.aws_caller_identity\\.[A-Za-z0-9_]+\\.account_id}:root");
      assertThat(strings(admin.path("actions")))
          .noneMatch(a -> a.matches("kms:(\\*|Encrypt|Decrypt|ReEncrypt.*|GenerateDataKey.*)"));
      assertThat(strings(use.at("/principals/0/identifiers")))
          .as(alias)
          .containsExactlyInAnyOrderElementsOf(devicesRoles);
    }
    assertThat(
            strings(
                keyPolicy(stack, key(stack, "alias/stride-devices-objects-" + regionId))
                    .at("/statement/1/actions")))
        .containsExactly("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");
    // The tokens key: data keys and their decryption only, under the tokens' encryption context.
    JsonNode tokensUse =
        keyPolicy(stack, key(stack, "alias/stride-devices-tokens-" + regionId))
            .path("statement")
            .get(1);
    assertThat(strings(tokensUse.path("actions")))
        .containsExactly("kms:GenerateDataKey", "kms:Decrypt");
    assertTokenContextConditions(tokensUse);
    JsonNode bucketKeyUse =
        keyPolicy(stack, key(stack, "alias/stride-devices-objects-" + regionId))
            .path("statement")
            .get(1);
    assertThat(bucketKeyUse.at("/condition/0/variable").asString()).isEqualTo("kms:ViaService");
    assertThat(strings(bucketKeyUse.at("/condition/0/values")))
        .containsExactly("s3." + region.location() + ".amazonaws.com");
  }

  /**
   * Exactly the Lambdas {@code devices} get the devices variables of {@code stack}; the devices
   * eraser, its sweep and the outbox relay only the bucket's name and the work queue's URL.
   */
  static void assertOnlyGetTheDevicesResources(
      TfStack stack, RegionConfig region, List<String> devices) {
    String regionId = region.id();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("STRIDE_DEVICES_TABLE", tableName(stack, "stride-devices-" + regionId));
    expected.put("STRIDE_PROFILES_TABLE", tableName(stack, "stride-profiles-" + regionId));
    expected.put(
        "STRIDE_DEVICES_BUCKET", stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "bucket"));
    expected.put(
        "STRIDE_DEVICES_KMS_KEY_ID",
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-objects-" + regionId), "arn"));
    expected.put(
        "STRIDE_DEVICES_TOKEN_KEY_ID",
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-tokens-" + regionId), "arn"));
    expected.put(
        "STRIDE_DEVICES_WORK_QUEUE_URL",
        stack.ref("aws_sqs_queue", workQueue(stack, regionId), "url"));

    for (String name : devices) {
      JsonNode env = function(stack, name).at("/environment/variables");
      expected.forEach(
          (variable, value) ->
              assertThat(env.path(variable).asString()).as(name + " " + variable).isEqualTo(value));
    }
    List<String> erasers =
        List.of(
            region.subscriberFunctionName("devices", "eraser"),
            region.subscriberSweepFunctionName("devices", "eraser"),
            region.outboxRelayFunctionName("devices"));
    for (JsonNode fn : stack.resources("aws_lambda_function").values()) {
      String name = fn.path("function_name").asString();
      if (devices.contains(name)) {
        continue;
      }
      if (erasers.contains(name)) {
        // Their context needs the bucket and the work queue to start; not the keys.
        JsonNode env = fn.at("/environment/variables");
        for (String variable : List.of("STRIDE_DEVICES_BUCKET", "STRIDE_DEVICES_WORK_QUEUE_URL")) {
          assertThat(env.path(variable).asString()).as(name).isEqualTo(expected.get(variable));
        }
        assertThat(env.propertyNames())
            .as(name)
            .doesNotContain(
                "STRIDE_DEVICES_KMS_KEY_ID",
                "STRIDE_DEVICES_TOKEN_KEY_ID",
                "STRIDE_SECRETS_BUNDLE_ARN",
                "STRIDE_CURSOR_KEY_ARN");
        continue;
      }
      assertThat(fn.at("/environment/variables").propertyNames())
          .as(name)
          .doesNotContain(
              "STRIDE_DEVICES_BUCKET",
              "STRIDE_DEVICES_KMS_KEY_ID",
              "STRIDE_DEVICES_TOKEN_KEY_ID",
              "STRIDE_DEVICES_WORK_QUEUE_URL");
    }
  }

  /** The work queue of {@code stack} and its dead letters, alarm and visibility timeout. */
  static void assertWorkQueue(TfStack stack, String regionId, int visibilityTimeoutSeconds) {
    JsonNode queue = workQueue(stack, regionId);
    JsonNode dlq = stack.named("aws_sqs_queue", "name", "stride-devices-work-" + regionId + "-dlq");
    JsonNode redrive = JsonMapper.shared().readTree(queue.path("redrive_policy").asString());
    JsonNode alarm =
        stack.named(
            "aws_cloudwatch_metric_alarm",
            "alarm_name",
            "stride-devices-work-" + regionId + "-dlq-not-empty");
    String regionKey = stack.ref("aws_kms_key", stack.regionKey(), "arn");

    assertThat(queue.path("kms_master_key_id").asString()).isEqualTo(regionKey);
    assertThat(dlq.path("kms_master_key_id").asString()).isEqualTo(regionKey);
    assertThat(queue.path("visibility_timeout_seconds").asInt())
        .isEqualTo(visibilityTimeoutSeconds);
    assertThat(queue.path("message_retention_seconds").asInt()).isEqualTo(14 * 24 * 3600);
    assertThat(redrive.path("deadLetterTargetArn").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", dlq, "arn"));
    assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(dlq.path("message_retention_seconds").asInt()).isEqualTo(14 * 24 * 3600);
    assertThat(alarm.path("namespace").asString()).isEqualTo("AWS/SQS");
    assertThat(alarm.path("metric_name").asString())
        .isEqualTo("ApproximateNumberOfMessagesVisible");
    assertThat(alarm.at("/dimensions/QueueName").asString())
        .isEqualTo("stride-devices-work-" + regionId + "-dlq");
    assertThat(alarm.path("comparison_operator").asString()).isEqualTo("GreaterThanThreshold");
    assertThat(alarm.path("threshold").asDouble()).isZero();
    assertThat(strings(alarm.path("alarm_actions"))).containsExactly(alarmTopic(stack, regionId));
  }

  /**
   * Each role of {@code roleNames} uses objects of its own bucket and the devices keys, no more.
   */
  static void assertUseOnlyTheirBucketAndKeys(
      TfStack stack, RegionConfig region, List<String> roleNames) {
    String objects = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn") + "/*";
    String objectsKey =
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-objects-" + region.id()), "arn");
    String tokensKey =
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-tokens-" + region.id()), "arn");
    for (String roleName : roleNames) {
      Map<String, List<String>> grants = grantsByResource(stack, roleName);
      assertThat(grants.get(objects))
          .as(roleName)
          .containsExactly("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
      assertThat(grants.get(objectsKey))
          .containsExactly("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");
      assertThat(grants.get(tokensKey))
          .as(roleName)
          .containsExactly("kms:GenerateDataKey", "kms:Decrypt");
      JsonNode tokensGrant =
          stack
              .inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName))
              .values()
              .stream()
              .filter(st -> strings(st.path("resources")).contains(tokensKey))
              .findFirst()
              .orElseThrow();
      assertTokenContextConditions(tokensGrant);
      // On the bucket itself listing only (a missing key then answers 404), no settings.
      String bucket = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn");
      assertThat(grants.get(bucket)).as(roleName).containsExactly("s3:ListBucket");
      // No other bucket.
      assertThat(grants.keySet())
          .noneMatch(
              r -> r.startsWith("${aws_s3_bucket.") && !r.equals(objects) && !r.equals(bucket));
    }
  }

  /**
   * A use of the tokens key must carry an encryption context of exactly {@code stride:user} and
   * {@code stride:provider}: no other key, and each present.
   */
  static void assertTokenContextConditions(JsonNode statement) {
    assertThat(statement.path("condition").values())
        .extracting(
            c ->
                c.path("test").asString()
                    + " "
                    + c.path("variable").asString()
                    + " "
                    + String.join(",", strings(c.path("values"))))
        .containsExactlyInAnyOrder(
            "ForAllValues:StringEquals kms:EncryptionContextKeys stride:user,stride:provider",
            "Null kms:EncryptionContext:stride:user false",
            "Null kms:EncryptionContext:stride:provider false");
  }

  /** No role but {@code devicesRoles} names the bucket, the devices keys or the work queue. */
  static void assertNoOtherRoleNamesTheDevicesResources(
      TfStack stack, RegionConfig region, List<String> devicesRoles) {
    String bucket = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn");
    String objectsKey =
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-objects-" + region.id()), "arn");
    String tokensKey =
        stack.ref("aws_kms_key", key(stack, "alias/stride-devices-tokens-" + region.id()), "arn");
    String queue = stack.ref("aws_sqs_queue", workQueue(stack, region.id()), "arn");
    for (JsonNode role : stack.resources("aws_iam_role").values()) {
      String name = role.path("name").asString();
      if (devicesRoles.contains(name)) {
        continue;
      }
      assertThat(stack.inlinePolicyStatements(role).toString())
          .as(name)
          .doesNotContain(bucket, objectsKey, tokensKey, queue);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void waf_limitsWebhooksPerIp_higherThanAuth_andExemptsThemFromTheGeneralLimit(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    stack
        .only("aws_wafv2_web_acl")
        .path("rule")
        .values()
        .forEach(r -> rules.put(r.path("name").asString(), r));
    JsonNode webhooks = rules.get("webhook-rate-limit");
    JsonNode rate = webhooks.at("/statement/rate_based_statement");
    JsonNode general = rules.get("ip-rate-limit").at("/statement/rate_based_statement");

    assertThat(rate.path("aggregate_key_type").asString()).isEqualTo("IP");
    assertThat(rate.path("limit").asInt())
        .isEqualTo(ENV.edge().wafWebhookRequestsPer5Min())
        .isGreaterThan(ENV.edge().wafAuthRequestsPer5Min());
    assertThat(rate.at("/scope_down_statement/byte_match_statement/search_string").asString())
        .isEqualTo("/v1/webhooks/");
    assertThat(
            rate.at("/scope_down_statement/byte_match_statement/positional_constraint").asString())
        .isEqualTo("STARTS_WITH");
    assertThat(webhooks.at("/action/block/custom_response/response_code").asInt()).isEqualTo(429);
    assertThat(
            general
                .at(
                    "/scope_down_statement/not_statement/statement/0/byte_match_statement/search_string")
                .asString())
        .isEqualTo("/v1/webhooks/");
    assertThat(webhooks.path("priority").asInt())
        .isGreaterThan(rules.get("auth-rate-limit").path("priority").asInt())
        .isLessThan(rules.get("ip-rate-limit").path("priority").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void bucketQueueAndKeys_areTheRegionsOwn_andNoOtherRegionsAreNamed(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode provider = stack.root().path("provider").path("aws").get(0);
    List<JsonNode> own = new ArrayList<>();
    own.add(stack.only("aws_s3_bucket"));
    own.add(workQueue(stack, regionId));
    own.add(key(stack, "alias/stride-devices-objects-" + regionId));
    own.add(key(stack, "alias/stride-devices-tokens-" + regionId));

    // The stack's only regional provider is the region's; these resources use it (no alias).
    assertThat(provider.path("region").asString()).isEqualTo(region.location());
    assertThat(own).allSatisfy(r -> assertThat(r.has("provider")).isFalse());
    assertThat(stack.only("aws_s3_bucket").path("bucket").asString())
        .startsWith("stride-devices-" + regionId + "-");
    for (RegionConfig other : ENV.regions()) {
      if (other.id().equals(regionId)) {
        continue;
      }
      assertThat(stack.json())
          .doesNotContainPattern("stride-devices-(work-)?" + other.id() + "(?![a-z0-9])")
          .doesNotContain("alias/stride-devices-objects-" + other.id())
          .doesNotContain("alias/stride-devices-tokens-" + other.id())
          .doesNotContain("s3." + other.location() + ".amazonaws.com");
    }
  }

  /** The ARN reference of the region's alarm topic, which every alarm notifies. */
  static String alarmTopic(TfStack stack, String regionId) {
    return stack.ref(
        "aws_sns_topic", stack.named("aws_sns_topic", "name", "stride-alarms-" + regionId), "arn");
  }

  static JsonNode key(TfStack stack, String alias) {
    String ref = stack.named("aws_kms_alias", "name", alias).path("target_key_id").asString();
    String id = ref.substring("${aws_kms_key.".length(), ref.length() - ".key_id}".length());
    return stack.resources("aws_kms_key").get(id);
  }

  static JsonNode keyPolicy(TfStack stack, JsonNode key) {
    JsonNode policy =
        stack.named("aws_kms_key_policy", "key_id", stack.ref("aws_kms_key", key, "key_id"));
    return stack.policyDocument(policy.path("policy").asString());
  }

  static JsonNode workQueue(TfStack stack, String regionId) {
    return stack.named("aws_sqs_queue", "name", "stride-devices-work-" + regionId);
  }

  static JsonNode function(TfStack stack, String name) {
    return stack.named("aws_lambda_function", "function_name", name);
  }

  static String tableName(TfStack stack, String name) {
    return stack.ref("aws_dynamodb_table", stack.named("aws_dynamodb_table", "name", name), "name");
  }

  static String roleArn(TfStack stack, String name) {
    return stack.ref("aws_iam_role", stack.named("aws_iam_role", "name", name), "arn");
  }

  /** The actions a role's inline policy grants, by resource. */
  static Map<String, List<String>> grantsByResource(TfStack stack, String roleName) {
    Map<String, List<String>> grants = new LinkedHashMap<>();
    for (JsonNode statement :
        stack.inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName)).values()) {
      for (String resource : strings(statement.path("resources"))) {
        grants
            .computeIfAbsent(resource, r -> new ArrayList<>())
            .addAll(strings(statement.path("actions")));
      }
    }
    return grants;
  }
}
