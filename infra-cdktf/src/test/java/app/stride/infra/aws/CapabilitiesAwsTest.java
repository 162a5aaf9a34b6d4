package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.SpecOperations;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.capability.TableSchema;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every capability of {@link Capabilities} in every AWS region: its table, its HTTP function, a
 * route for every operation the mobile API spec gives it, and a role that reaches only the region's
 * own tables, with read-only grants exactly where a capability reads another's table.
 */
class CapabilitiesAwsTest {

  /**
   * A reference to a resource's ARN (its indexes, its log streams, a bucket's objects), never a
   * wildcard; or pushes to the connections of a WebSocket API's stage of this stack.
   */
  private static final String OWN_ARN =
      "\\$\\{aws_[a-z0-9_]+\\.[A-Za-z0-9_]+\\.arn}(/index/(\\*|[A-Za-z0-9_]+)|:\\*)?"
          + "|\\$\\{aws_s3_bucket\\.[A-Za-z0-9_]+\\.arn}/\\*"
          + "|\\$\\{aws_apigatewayv2_api\\.[A-Za-z0-9_]+\\.execution_arn}/live/POST/@connections/\\*";

  private static final JsonNode SPEC =
      new ApiSpecs(ArtifactLocator.defaultRepoRoot())
          .read(SynthesizedStacks.config().edge().apiSpec());

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyCapabilityTable_hasItsKeySchema_onDemand_pitr_regionKey_andDeletionProtection(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String keyArn = stack.ref("aws_kms_key", stack.regionKey(), "arn");

    for (Capability capability : Capabilities.ALL) {
      TableSchema schema = capability.table();
      JsonNode table = table(stack, regionId, capability.name());

      assertThat(table.path("billing_mode").asString()).isEqualTo("PAY_PER_REQUEST");
      assertThat(table.path("hash_key").asString()).isEqualTo(schema.partitionKey().name());
      assertThat(table.path("range_key").asString(null))
          .isEqualTo(schema.sortKey().map(TableSchema.Key::name).orElse(null));
      assertThat(table.path("attribute").values())
          .extracting(a -> a.path("name").asString() + ":" + a.path("type").asString())
          .containsExactlyElementsOf(
              schema.attributes().stream().map(k -> k.name() + ":" + k.type()).toList());
      assertThat(table.path("local_secondary_index").values())
          .extracting(i -> i.path("name").asString() + "/" + i.path("range_key").asString())
          .containsExactlyElementsOf(
              schema.localIndexes().stream()
                  .map(i -> i.name() + "/" + i.sortKey().orElseThrow().name())
                  .toList());
      assertThat(table.path("global_secondary_index").values())
          .extracting(i -> i.path("name").asString() + "/" + i.path("hash_key").asString())
          .containsExactlyElementsOf(
              schema.globalIndexes().stream()
                  .map(i -> i.name() + "/" + i.partitionKey().name())
                  .toList());
      assertThat(table.at("/point_in_time_recovery/enabled").asBoolean()).isTrue();
      assertThat(table.at("/server_side_encryption/kms_key_arn").asString()).isEqualTo(keyArn);
      assertThat(table.path("deletion_protection_enabled").asBoolean()).isTrue();
      assertThat(table.at("/ttl/attribute_name").asString(null))
          .isEqualTo(schema.ttlAttribute().orElse(null));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workoutsTable_isUserIdWorkoutId_withTheByStartTimeLocalIndexOnStartKey(String regionId) {
    JsonNode table = table(SynthesizedStacks.region(regionId), regionId, "workouts");
    JsonNode lsi = table.path("local_secondary_index").get(0);

    assertThat(table.path("hash_key").asString()).isEqualTo("userId");
    assertThat(table.path("range_key").asString()).isEqualTo("workoutId");
    assertThat(table.path("local_secondary_index").values()).hasSize(1);
    assertThat(lsi.path("name").asString()).isEqualTo("byStartTime");
    assertThat(lsi.path("range_key").asString()).isEqualTo("startKey");
    assertThat(lsi.path("projection_type").asString()).isEqualTo("ALL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyCapabilityFunction_runsItsHttpBean_fromItsJar_onItsOwnTableAndTheTablesItReads(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);

    for (Capability capability : Capabilities.ALL) {
      JsonNode fn = function(stack, regionId, capability.name());
      JsonNode env = fn.at("/environment/variables");
      JsonNode alias =
          stack.named(
              "aws_lambda_alias",
              "function_name",
              stack.ref("aws_lambda_function", fn, "function_name"));

      assertThat(fn.path("filename").asString())
          .endsWith(SynthesizedStacks.config().artifacts().awsJar(capability.name()));
      assertThat(fn.at("/snap_start/apply_on").asString()).isEqualTo("PublishedVersions");
      assertThat(alias.path("name").asString()).isEqualTo("live");
      assertThat(env.path("MAIN_CLASS").asString()).isEqualTo(capability.awsMainClass());
      assertThat(env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString())
          .isEqualTo(capability.name() + "Http");
      assertThat(env.path("STRIDE_REGION").asString()).isEqualTo(regionId);
      assertThat(env.path(capability.tableVariable()).asString())
          .isEqualTo(
              stack.ref("aws_dynamodb_table", table(stack, regionId, capability.name()), "name"));
      for (Capability.TableRead read : capability.reads()) {
        assertThat(env.path(Capabilities.named(read.capability()).tableVariable()).asString())
            .isEqualTo(
                stack.ref("aws_dynamodb_table", table(stack, regionId, read.capability()), "name"));
      }
      assertThat(env.path("STRIDE_JWKS_URL").asString()).startsWith("https://");
      assertThat(env.path(CapabilityLambda.CURSOR_KEY_ARN_ENV).asString())
          .startsWith("${aws_secretsmanager_secret.");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everySpecOperationOfEveryCapability_isRoutedToItsAlias_withTheSpecsSecurity(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String authorizer =
        stack.ref("aws_apigatewayv2_authorizer", stack.only("aws_apigatewayv2_authorizer"), "id");
    int routed = 0;

    for (Capability capability : Capabilities.ALL) {
      Map<String, JsonNode> routes = routesOf(stack, regionId, capability.name());
      List<SpecOperations.Operation> operations = SpecOperations.of(SPEC, capability.name());

      assertThat(routes.keySet())
          .as(capability.name())
          .containsExactlyInAnyOrderElementsOf(
              operations.stream().map(SpecOperations.Operation::routeKey).toList());
      for (SpecOperations.Operation op : operations) {
        JsonNode route = routes.get(op.routeKey());
        if (op.bearer()) {
          assertThat(route.path("authorization_type").asString())
              .as(op.routeKey())
              .isEqualTo("JWT");
          assertThat(route.path("authorizer_id").asString()).isEqualTo(authorizer);
        } else {
          assertThat(route.path("authorization_type").asString())
              .as(op.routeKey())
              .isEqualTo("NONE");
          assertThat(route.has("authorizer_id")).as(op.routeKey()).isFalse();
        }
        routed++;
      }
    }
    assertThat(routed).as("profiles and the issue 5 operations").isGreaterThan(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyCapabilityRole_reachesOnlyItsOwnTable_andReadsExactlyTheListedTables(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = SynthesizedStacks.config().region(regionId).orElseThrow();

    for (Capability capability : Capabilities.ALL) {
      JsonNode role = stack.named("aws_iam_role", "name", region.functionName(capability.name()));
      List<JsonNode> statements = new ArrayList<>();
      stack.inlinePolicyStatements(role).values().forEach(statements::add);
      String own = tableArn(stack, regionId, capability.name());
      List<String> tableGrants = new ArrayList<>();

      for (JsonNode statement : statements) {
        List<String> actions = strings(statement.path("actions"));
        List<String> resources = strings(statement.path("resources"));
        if (statement.path("sid").asString().equals("VpcNetworkInterfaces")) {
          // The one wildcard: Lambda's network interfaces (ResidencyRules.LAMBDA_VPC_ACTIONS).
          assertThat(actions).allMatch(a -> a.startsWith("ec2:"));
          continue;
        }
        // Only references to this stack's resources: no wildcard, no literal ARN of any region.
        assertThat(resources).as(capability.name()).allMatch(r -> r.matches(OWN_ARN));
        if (actions.stream().noneMatch(a -> a.startsWith("dynamodb:"))) {
          continue;
        }
        if (resources.get(0).equals(own)) {
          assertThat(resources).containsExactly(own, own + "/index/*");
          assertThat(actions).containsExactlyElementsOf(CapabilityRuntime.TABLE_ACTIONS);
        } else {
          tableGrants.add(String.join(",", actions) + " " + String.join(",", resources));
        }
      }

      assertThat(tableGrants)
          .as("read-only grants of %s", capability.name())
          .containsExactlyInAnyOrderElementsOf(
              capability.reads().stream()
                  .map(
                      r ->
                          String.join(",", r.actions())
                              + " "
                              + readResources(r, tableArn(stack, regionId, r.capability())))
                  .toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workouts_relayTheirOutbox_toTheirOwnEncryptedQueue_everyMinute(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = SynthesizedStacks.config().region(regionId).orElseThrow();
    JsonNode queue = stack.named("aws_sqs_queue", "name", "stride-workout-events-" + regionId);
    JsonNode relay =
        stack.named(
            "aws_lambda_function", "function_name", region.outboxRelayFunctionName("workouts"));
    JsonNode schedule = stack.named("aws_scheduler_schedule", "name", "workouts-outbox-relay");
    JsonNode statements =
        stack.inlinePolicyStatements(
            stack.named("aws_iam_role", "name", region.outboxRelayFunctionName("workouts")));
    String tableArn = tableArn(stack, regionId, "workouts");

    assertThat(stack.named("aws_sqs_queue", "name", "stride-workout-events-" + regionId + "-dlq"))
        .isNotNull();
    assertThat(queue.path("kms_master_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(relay.at("/environment/variables/SPRING_CLOUD_FUNCTION_DEFINITION").asString())
        .isEqualTo("workoutsOutboxRelaySchedule");
    assertThat(relay.at("/environment/variables/STRIDE_EVENTS_QUEUE_URL").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", queue, "url"));
    assertThat(schedule.path("schedule_expression").asString()).isEqualTo("rate(1 minute)");
    assertThat(schedule.at("/target/arn").asString())
        .isEqualTo(stack.ref("aws_lambda_function", relay, "arn"));
    assertThat(statements.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly(
            "WorkoutsTable", "OutboxIndex", "WorkoutEvents", "RegionKey", "CursorKey", "Logs");
    assertThat(strings(statements.get(0).path("resources"))).containsExactly(tableArn);
    assertThat(strings(statements.get(1).path("resources")))
        .containsExactly(tableArn + "/index/outbox");
    assertThat(strings(statements.get(2).path("resources")))
        .containsExactly(stack.ref("aws_sqs_queue", queue, "arn"));
  }

  /**
   * What each relay starts with: exactly these variables (the capabilities' {@code *AwsLambdaIT}
   * start their relay with these alone, a cursor key's value standing for its ARN) and these
   * grants. A relay given fewer failed at start: devices' configuration requires its bucket and
   * work queue names, workouts' store its cursor key.
   */
  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyRelay_startsWithTheVariablesItsConfigurationRequires_andNoGrantBeyondItsWork(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = SynthesizedStacks.config().region(regionId).orElseThrow();
    Map<String, List<String>> own =
        Map.of(
            "profiles", List.of("STRIDE_PROFILES_TABLE"),
            "workouts", List.of("STRIDE_WORKOUTS_TABLE", CapabilityLambda.CURSOR_KEY_ARN_ENV),
            "devices",
                List.of(
                    "STRIDE_DEVICES_TABLE",
                    "STRIDE_DEVICES_BUCKET",
                    "STRIDE_DEVICES_WORK_QUEUE_URL"));
    Map<String, String> events =
        Map.of(
            "profiles", "ProfileEvents", "workouts", "WorkoutEvents", "devices", "ActivityEvents");
    for (Capability capability : Capabilities.ALL) {
      if (capability.outbox().isEmpty()) {
        continue;
      }
      String name = region.outboxRelayFunctionName(capability.name());
      JsonNode relay = stack.named("aws_lambda_function", "function_name", name);
      List<String> expected =
          new ArrayList<>(
              List.of(
                  "MAIN_CLASS",
                  "SPRING_CLOUD_FUNCTION_DEFINITION",
                  "STRIDE_REGION",
                  "STRIDE_EVENTS_QUEUE_URL",
                  SpringLambda.METRICS_ENV,
                  "JAVA_TOOL_OPTIONS",
                  "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS"));
      expected.addAll(own.get(capability.name()));
      assertThat(relay.at("/environment/variables").propertyNames())
          .as(name)
          .containsExactlyInAnyOrderElementsOf(expected);
      JsonNode statements = stack.inlinePolicyStatements(stack.named("aws_iam_role", "name", name));
      List<String> sids =
          statements.values().stream().map(st -> st.path("sid").asString()).toList();
      List<String> grants =
          new ArrayList<>(
              List.of(
                  CapabilityRuntime.pascal(capability.name()) + "Table",
                  "OutboxIndex",
                  events.get(capability.name()),
                  "RegionKey"));
      if (capability.outbox().orElseThrow().storeNeedsCursorKey()) {
        grants.add("CursorKey");
      }
      grants.add("Logs");
      assertThat(sids)
          .as(name + ": no bucket, work queue or settings grant goes with their names")
          .containsExactlyElementsOf(grants);
      if (sids.contains("CursorKey")) {
        JsonNode cursor = statements.get(sids.indexOf("CursorKey"));
        assertThat(strings(cursor.path("actions")))
            .containsExactly("secretsmanager:GetSecretValue");
        assertThat(strings(cursor.path("resources")))
            .containsExactly(
                stack.ref(
                    "aws_secretsmanager_secret",
                    stack.named("aws_secretsmanager_secret", "name", region.cursorKeySecretName()),
                    "arn"));
      }
    }
  }

  private static Map<String, JsonNode> routesOf(TfStack stack, String regionId, String capability) {
    JsonNode alias =
        stack.named(
            "aws_lambda_alias",
            "function_name",
            stack.ref(
                "aws_lambda_function", function(stack, regionId, capability), "function_name"));
    JsonNode integration =
        stack.named(
            "aws_apigatewayv2_integration",
            "integration_uri",
            stack.ref("aws_lambda_alias", alias, "invoke_arn"));
    String target = "integrations/" + stack.ref("aws_apigatewayv2_integration", integration, "id");
    return stack.resources("aws_apigatewayv2_route").values().stream()
        .filter(r -> r.path("target").asString().equals(target))
        .collect(Collectors.toMap(r -> r.path("route_key").asString(), r -> r));
  }

  private static JsonNode function(TfStack stack, String regionId, String capability) {
    return stack.named(
        "aws_lambda_function", "function_name", "stride-" + capability + "-" + regionId);
  }

  private static JsonNode table(TfStack stack, String regionId, String capability) {
    return stack.named("aws_dynamodb_table", "name", "stride-" + capability + "-" + regionId);
  }

  /** A read's resources: the table, and its indexes too for a query. */
  private static String readResources(Capability.TableRead read, String tableArn) {
    return read.actions().contains("dynamodb:Query")
        ? tableArn + "," + tableArn + "/index/*"
        : tableArn;
  }

  private static String tableArn(TfStack stack, String regionId, String capability) {
    return stack.ref("aws_dynamodb_table", table(stack, regionId, capability), "arn");
  }
}
