package app.stride.infra.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.capability.FirestoreIndexSpec;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every capability of {@link Capabilities} in the GCP region: its Cloud Function, its own service
 * account limited to the region's database, its gateway backend, and the composite indexes its
 * queries need (the emulator never asks for them, so this list is the only check).
 */
class CapabilitiesGcpTest {

  private final EnvConfig env = SynthesizedStacks.config();
  private final RegionConfig apac = env.region("apac").orElseThrow();
  private final TfStack stack = SynthesizedStacks.stack(apac.stackName());

  @Test
  void everyCapability_runsItsEntryPoint_fromItsZip_asItsOwnAccount_onTheRegionsDatabase() {
    String database =
        stack.ref("google_firestore_database", stack.only("google_firestore_database"), "name");
    String bucket = stack.ref("google_storage_bucket", stack.sourceBucket(), "name");

    for (Capability capability : Capabilities.ALL) {
      JsonNode fn =
          stack.named(
              "google_cloudfunctions2_function", "name", apac.functionName(capability.name()));
      JsonNode service = fn.path("service_config");
      JsonNode variables = service.path("environment_variables");
      JsonNode account =
          stack.named("google_service_account", "account_id", apac.functionName(capability.name()));
      JsonNode object =
          stack.resources("google_storage_bucket_object").values().stream()
              .filter(
                  o ->
                      o.path("source")
                          .asString()
                          .endsWith(env.artifacts().gcpZip(capability.name())))
              .findFirst()
              .orElseThrow();

      assertThat(fn.at("/build_config/entry_point").asString())
          .isEqualTo(capability.gcpEntryPoint());
      assertThat(fn.at("/build_config/runtime").asString()).isEqualTo("java17");
      assertThat(fn.at("/build_config/source/storage_source/bucket").asString()).isEqualTo(bucket);
      assertThat(object.path("bucket").asString()).isEqualTo(bucket);
      assertThat(service.path("service_account_email").asString())
          .isEqualTo(stack.ref("google_service_account", account, "email"));
      assertThat(service.path("max_instance_request_concurrency").asInt())
          .isEqualTo(env.scaling().requestsPerInstance(capability.name()));
      assertThat(variables.path("STRIDE_REGION").asString()).isEqualTo("apac");
      assertThat(variables.path("STRIDE_FIRESTORE_PROJECT").asString())
          .isEqualTo(apac.gcpProject());
      assertThat(variables.path("STRIDE_FIRESTORE_DATABASE").asString()).isEqualTo(database);
      assertThat(variables.path("STRIDE_JWKS_URL").asString()).isEqualTo(env.auth().jwksUrl());
      assertThat(variables.has("STRIDE_EVENTS_TOPIC"))
          .as(capability.name())
          .isEqualTo(capability.outbox().isPresent());
    }
  }

  @Test
  void everyHttpFunction_knowsTheLoadBalancersAddress_theForwardingRuleUses() {
    String address =
        stack.ref(
            "google_compute_global_address",
            stack.only("google_compute_global_address"),
            "address");
    List<String> httpFunctions = new ArrayList<>();
    Capabilities.ALL.forEach(c -> httpFunctions.add(apac.functionName(c.name())));
    httpFunctions.add(apac.authFunctionName());

    for (String name : httpFunctions) {
      JsonNode fn = stack.named("google_cloudfunctions2_function", "name", name);
      assertThat(fn.at("/service_config/environment_variables/STRIDE_LB_ADDRESS").asString())
          .as(name)
          .isEqualTo(address);
    }
    assertThat(
            stack.resources("google_compute_global_forwarding_rule").values().stream()
                .map(rule -> rule.path("ip_address").asString()))
        .containsExactly(address);
  }

  @Test
  void everyCapabilityAccount_getsFirestoreOnlyOnTheRegionsDatabase_andPublishesOnlyItsTopics() {
    String db =
        "projects/"
            + apac.gcpProject()
            + "/databases/"
            + stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name");

    for (Capability capability : Capabilities.ALL) {
      JsonNode account =
          stack.named("google_service_account", "account_id", apac.functionName(capability.name()));
      String member = stack.ref("google_service_account", account, "member");
      List<String> roles =
          stack.resources("google_project_iam_member").values().stream()
              .filter(m -> m.path("member").asString().equals(member))
              .map(m -> m.path("role").asString())
              .toList();
      JsonNode firestore =
          stack.resources("google_project_iam_member").values().stream()
              .filter(m -> m.path("member").asString().equals(member))
              .filter(m -> m.path("role").asString().equals(CapabilityIdentity.DATASTORE_ROLE))
              .findFirst()
              .orElseThrow();
      List<String> topics =
          stack.resources("google_pubsub_topic_iam_member").values().stream()
              .filter(m -> m.path("member").asString().equals(member))
              .map(m -> m.path("topic").asString())
              .toList();

      assertThat(roles)
          .as(capability.name())
          .containsExactlyInAnyOrder("roles/datastore.user", "roles/monitoring.metricWriter");
      assertThat(firestore.at("/condition/expression").asString())
          .isEqualTo(
              "resource.name == \"" + db + "\" || resource.name.startsWith(\"" + db + "/\")");
      // Its events topic and, with a work queue, its work topic: nothing else.
      List<String> own = new ArrayList<>();
      capability.outbox().ifPresent(o -> own.add(apac.eventsName(o.eventsName())));
      capability.workQueue().ifPresent(q -> own.add(apac.eventsName(q.stem())));
      assertThat(topics)
          .as(capability.name())
          .containsExactlyElementsOf(
              own.stream()
                  .map(
                      name ->
                          stack.ref(
                              "google_pubsub_topic",
                              stack.named("google_pubsub_topic", "name", name),
                              "name"))
                  .toList());
    }
  }

  @Test
  void compositeIndexes_areExactlyThoseTheCapabilitiesQueriesNeed_onTheRegionsDatabase() {
    String database =
        stack.ref("google_firestore_database", stack.only("google_firestore_database"), "name");
    List<String> expected = new ArrayList<>();
    Capabilities.ALL.forEach(c -> c.firestoreIndexes().forEach(i -> expected.add(describe(i))));
    List<String> declared = new ArrayList<>();
    for (JsonNode index : stack.resources("google_firestore_index").values()) {
      assertThat(index.path("database").asString()).isEqualTo(database);
      assertThat(index.path("project").asString()).isEqualTo(apac.gcpProject());
      StringBuilder text =
          new StringBuilder(index.path("collection").asString())
              .append(' ')
              .append(index.path("query_scope").asString());
      index
          .path("fields")
          .values()
          .forEach(
              f ->
                  text.append(' ')
                      .append(f.path("field_path").asString())
                      .append(':')
                      .append(f.path("order").asString()));
      declared.add(text.toString());
    }

    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(declared)
        .contains(
            "workouts COLLECTION sport:ASCENDING startKey:DESCENDING",
            "groups COLLECTION public:ASCENDING nameKey:ASCENDING groupId:ASCENDING",
            "groupMessages COLLECTION groupId:ASCENDING messageId:DESCENDING",
            "groupJoinRequests COLLECTION userId:ASCENDING groupId:ASCENDING",
            "groupMessages COLLECTION authorId:ASCENDING deleted:ASCENDING groupId:ASCENDING"
                + " messageId:ASCENDING");
  }

  @Test
  void everyCapabilityFunction_isAGatewayBackend_andHasItsErrorAnd429Alerts() {
    String contents =
        stack
            .only("google_api_gateway_api_config")
            .at("/openapi_documents/0/document/contents")
            .asString();

    for (Capability capability : Capabilities.ALL) {
      String name = apac.functionName(capability.name());
      JsonNode fn = stack.named("google_cloudfunctions2_function", "name", name);
      String uri = stack.ref("google_cloudfunctions2_function", fn, "service_config");

      assertThat(contents)
          .contains(
              "\""
                  + capability.name()
                  + "\" = {\"address\" = "
                  + uri.substring(2, uri.length() - 1)
                  + "[0].uri");
      assertThat(stack.named("google_monitoring_alert_policy", "display_name", name + " errors"))
          .isNotNull();
      assertThat(
              stack.named("google_monitoring_alert_policy", "display_name", name + " 429 answers"))
          .isNotNull();
    }
  }

  private static String describe(FirestoreIndexSpec index) {
    StringBuilder text =
        new StringBuilder(index.collection()).append(' ').append(index.queryScope());
    index.fields().forEach(f -> text.append(' ').append(f.path()).append(':').append(f.order()));
    return text.toString();
  }
}
