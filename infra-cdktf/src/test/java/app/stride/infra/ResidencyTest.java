package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.aws.EdgeProtection;
import app.stride.infra.aws.EventsFanOut;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.gcp.GoogleBeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The residency rule on the real synthesized stacks. */
class ResidencyTest {

  @Test
  void everyGrantOfEveryRegionalStack_namesOnlyThatStacksOwnResources() {
    Map<RegionConfig, TfStack> regional = new LinkedHashMap<>();
    SynthesizedStacks.config()
        .regions()
        .forEach(r -> regional.put(r, SynthesizedStacks.stack(r.stackName())));

    assertThat(regional).hasSize(3);
    assertThat(ResidencyRules.check(regional)).isEmpty();
  }

  @Test
  void withAWorker_everyGrantOfEveryRegionalStack_namesOnlyThatStacksOwnResources() {
    Map<RegionConfig, TfStack> regional = new LinkedHashMap<>();
    FixtureStacks.config()
        .regions()
        .forEach(r -> regional.put(r, FixtureStacks.stack(r.stackName())));

    assertThat(regional.values())
        .allSatisfy(
            stack ->
                assertThat(stack.json())
                    .as("the worker's grants are checked too")
                    .contains("stride-devices-worker-"));
    assertThat(ResidencyRules.check(regional)).isEmpty();
  }

  @Test
  void everyRegionalStack_hasGrantsToCheck() {
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      int grants =
          region.cloud() == Cloud.AWS
              ? stack.dataSources("aws_iam_policy_document").size()
              : stack.resources("google_project_iam_member").size()
                  + stack.resources("google_pubsub_topic_iam_member").size();
      assertThat(grants).as("grants scanned in %s", stack.name()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void everyAwsRole_hasOneInlinePolicy_fromADocumentTheCheckerScans() {
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      if (region.cloud() != Cloud.AWS) {
        continue;
      }
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      Map<String, JsonNode> roles = new LinkedHashMap<>();
      stack
          .resources("aws_iam_role")
          .values()
          .forEach(r -> roles.put(r.path("name").asString(), r));

      List<String> expected = new ArrayList<>();
      for (Capability capability : Capabilities.ALL) {
        expected.add(region.functionName(capability.name()));
        if (capability.outbox().isPresent()) {
          expected.add(region.outboxRelayFunctionName(capability.name()));
          expected.add(region.outboxRelayFunctionName(capability.name()) + "-scheduler");
        }
        if (capability.worker().isPresent()) {
          expected.add(region.workerFunctionName(capability.name()));
        }
        for (Capability.Subscriber subscriber : capability.subscribers()) {
          expected.add(region.subscriberFunctionName(capability.name(), subscriber.stem()));
          if (subscriber.sweep().isPresent()) {
            String sweep = region.subscriberSweepFunctionName(capability.name(), subscriber.stem());
            expected.add(sweep);
            expected.add(sweep + "-scheduler");
          }
        }
      }
      // The pipe fanning profile events out to the subscribers' queues.
      expected.add(EventsFanOut.pipeRoleName(region, "profile-events"));
      // The chat channel's Lambda, and the role API Gateway writes its access logs with.
      expected.add(region.realtimeFunctionName(Capabilities.SOCIAL_REALTIME.name()));
      expected.add("stride-apigateway-logs-" + region.id());
      expected.addAll(
          List.of(
              region.authFunctionName(),
              region.authKeyRotationFunctionName(),
              region.authKeyRotationFunctionName() + "-scheduler",
              region.authDeletionRelayFunctionName(),
              region.authDeletionRelayFunctionName() + "-scheduler"));
      assertThat(roles.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      roles.forEach(
          (name, role) ->
              assertThat(stack.inlinePolicyStatements(role).values())
                  .as("grants of %s", name)
                  .isNotEmpty()
                  .allSatisfy(s -> assertThat(s.path("resources").values()).isNotEmpty()));
      assertThat(stack.resources("aws_iam_role_policy")).hasSameSizeAs(roles);
    }
  }

  @Test
  void noAwsFunction_canReachAnotherRegionsAuthTable() {
    List<RegionConfig> regions = SynthesizedStacks.config().regions();
    for (RegionConfig region : regions) {
      if (region.cloud() != Cloud.AWS) {
        continue;
      }
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      String ownAuthTable =
          stack.ref(
              "aws_dynamodb_table",
              stack.named("aws_dynamodb_table", "name", region.authTableName()),
              "arn");
      int authGrants = 0;
      for (JsonNode doc : stack.dataSources("aws_iam_policy_document").values()) {
        for (JsonNode statement : doc.path("statement").values()) {
          boolean dynamo =
              TfStack.strings(statement.path("actions")).stream()
                  .anyMatch(a -> a.startsWith("dynamodb:"));
          if (!dynamo) {
            continue;
          }
          for (String resource : TfStack.strings(statement.path("resources"))) {
            assertThat(resource)
                .as("a table grant in %s", stack.name())
                .startsWith("${aws_dynamodb_table.");
            String id =
                resource.substring("${aws_dynamodb_table.".length(), resource.indexOf(".arn}"));
            assertThat(stack.resources("aws_dynamodb_table")).containsKey(id);
            if (resource.equals(ownAuthTable)) {
              authGrants++;
            }
          }
        }
      }
      assertThat(authGrants).as("http, rotation and relay roles in %s", stack.name()).isEqualTo(3);
      for (RegionConfig other : regions) {
        if (!other.id().equals(region.id())) {
          assertThat(stack.json())
              .as("%s names %s", stack.name(), other.authTableName())
              .doesNotContainPattern(other.authTableName() + "(?![a-z0-9])");
        }
      }
    }
  }

  @Test
  void everyRegionalStack_deploysOnlyToItsOwnLocation() {
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      String provider = region.cloud() == Cloud.AWS ? "aws" : "google";
      List<JsonNode> providers = new ArrayList<>();
      stack.root().path("provider").path(provider).values().forEach(providers::add);
      List<JsonNode> regional = providers.stream().filter(p -> !p.has("alias")).toList();

      assertThat(regional).as("providers of %s", stack.name()).hasSize(1);
      assertThat(regional.get(0).path("region").asString()).isEqualTo(region.location());
      // The only other provider: us-east-1 for the CLOUDFRONT-scope web ACL, and nothing else.
      for (JsonNode aliased : providers.stream().filter(p -> p.has("alias")).toList()) {
        assertThat(aliased.path("alias").asString()).isEqualTo(EdgeProtection.EDGE_PROVIDER_ALIAS);
        assertThat(aliased.path("region").asString()).isEqualTo(EdgeProtection.EDGE_REGION);
        stack
            .root()
            .path("resource")
            .properties()
            .forEach(
                byType ->
                    byType
                        .getValue()
                        .values()
                        .forEach(
                            r -> {
                              if (r.path("provider").asString("").equals("aws.edge")) {
                                assertThat(byType.getKey()).isEqualTo("aws_wafv2_web_acl");
                              }
                            }));
      }
      stack
          .root()
          .path("provider")
          .path(GoogleBeta.PROVIDER)
          .values()
          .forEach(p -> assertThat(p.path("region").asString()).isEqualTo(region.location()));
      stack
          .root()
          .path("resource")
          .values()
          .forEach(
              byId ->
                  byId.values()
                      .forEach(
                          resource -> {
                            for (String attribute : new String[] {"location", "location_id"}) {
                              if (resource.has(attribute)) {
                                assertThat(resource.path(attribute).asString())
                                    .as("%s in %s", attribute, stack.name())
                                    .isEqualToIgnoringCase(region.location());
                              }
                            }
                          }));
    }
  }
}
