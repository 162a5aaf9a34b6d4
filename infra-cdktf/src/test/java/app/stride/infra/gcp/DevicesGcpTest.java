package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The devices capability in the GCP region: its key ring and keys, its CMEK bucket. Its worker, its
 * work topic, its secret settings and which account may touch what: {@link DevicesWorkerGcpTest},
 * with the helpers here.
 */
class DevicesGcpTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();
  static final RegionConfig APAC = ENV.region("apac").orElseThrow();
  static final String PUBSUB_AGENT =
      "serviceAccount:service-${data.google_project.project.number}"
          + "@gcp-sa-pubsub.iam.gserviceaccount.com";

  private final TfStack stack = SynthesizedStacks.region("apac");

  @Test
  void importsHashClaimsMarkersAndCallWindows_expireByTtlPolicies_afterTheChats_beforeIndexes() {
    JsonNode db = stack.only("google_firestore_database");
    JsonNode previous =
        stack.named("google_firestore_field", "collection", "realtimeSubscriptions");

    // providerCallWindows: the region's Strava call counters (FirestoreSharedCallCounter).
    for (String collection :
        List.of("imports", "importHashes", "erasedAccounts", "providerCallWindows")) {
      JsonNode ttl = stack.named("google_firestore_field", "collection", collection);
      assertThat(ttl.path("database").asString())
          .as(collection)
          .isEqualTo(stack.ref("google_firestore_database", db, "name"));
      assertThat(ttl.path("field").asString()).as(collection).isEqualTo("expiresAt");
      assertThat(ttl.has("ttl_config")).as(collection).isTrue();
      assertThat(strings(ttl.path("depends_on"))).as(collection).containsExactly(fieldId(previous));
      previous = ttl;
    }
    String last = fieldId(previous);
    assertThat(stack.resources("google_firestore_index").values())
        .anySatisfy(i -> assertThat(strings(i.path("depends_on"))).containsExactly(last));
  }

  @Test
  void keyRing_isInTheRegion_withAnObjectsAndATokensKey_rotatedEvery90Days() {
    JsonNode ring = stack.named("google_kms_key_ring", "name", "stride-devices-apac");
    String ringId = stack.ref("google_kms_key_ring", ring, "id");

    assertThat(ring.path("location").asString()).isEqualTo(APAC.location());
    assertThat(ring.path("project").asString()).isEqualTo(APAC.gcpProject());
    for (String name : List.of("objects", "tokens")) {
      JsonNode key = key(stack, name);
      assertThat(key.path("key_ring").asString()).isEqualTo(ringId);
      assertThat(key.path("purpose").asString()).isEqualTo("ENCRYPT_DECRYPT");
      assertThat(key.path("rotation_period").asString()).isEqualTo("7776000s");
    }
  }

  @Test
  void bucket_isRegional_private_versioned_withTheObjectsKeyAsDefault_usableByTheStorageAgent() {
    JsonNode bucket = bucket(stack);
    JsonNode agentGrant = keyGrants(stack, "objects").get(0);

    assertThat(bucket.path("name").asString())
        .isEqualTo(APAC.gcpProject() + "-stride-devices-apac");
    assertThat(bucket.path("location").asString()).isEqualTo("ASIA-SOUTHEAST1");
    assertThat(bucket.path("uniform_bucket_level_access").asBoolean()).isTrue();
    assertThat(bucket.path("public_access_prevention").asString()).isEqualTo("enforced");
    assertThat(bucket.at("/versioning/enabled").asBoolean()).isTrue();
    assertThat(bucket.at("/encryption/default_kms_key_name").asString())
        .isEqualTo(stack.ref("google_kms_crypto_key", key(stack, "objects"), "id"));
    // Only the Cloud Storage service agent uses the objects key, and before the bucket names it.
    assertThat(keyGrants(stack, "objects")).hasSize(1);
    assertThat(agentGrant.path("role").asString())
        .isEqualTo("roles/cloudkms.cryptoKeyEncrypterDecrypter");
    assertThat(agentGrant.path("member").asString())
        .startsWith("${data.google_storage_project_service_account.")
        .endsWith(".member}");
    assertThat(strings(bucket.path("depends_on")))
        .containsExactly(
            "google_kms_crypto_key_iam_member."
                + stack.resources("google_kms_crypto_key_iam_member").entrySet().stream()
                    .filter(e -> e.getValue() == agentGrant)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow());
  }

  @Test
  void bucketLifecycle_movesOriginalsToNearlineThenColdline_andDropsOldVersions() {
    List<String> rules =
        bucket(stack).path("lifecycle_rule").values().stream()
            .map(
                r ->
                    r.at("/action/type").asString()
                        + ":"
                        + r.at("/action/storage_class").asString("")
                        + ":"
                        + r.at("/condition/age").asInt(-1)
                        + ":"
                        + String.join(",", strings(r.at("/condition/matches_prefix")))
                        + ":"
                        + r.at("/condition/days_since_noncurrent_time").asInt(-1))
            .toList();

    assertThat(rules)
        .containsExactly(
            "SetStorageClass:NEARLINE:30:originals/:-1",
            "SetStorageClass:COLDLINE:180:originals/:-1",
            "Delete::-1::30",
            "AbortIncompleteMultipartUpload::1::-1");
  }

  /**
   * Exactly {@code accounts} (members) may use the bucket's objects and the tokens key, the data
   * eraser's account may only list and delete objects (its custom role), only the first account
   * (the HTTP function's) and the eraser's publish work, and nobody has a project-level KMS or
   * storage role.
   */
  static void assertOnlyTheseAccountsUseTheDevicesResources(TfStack stack, List<String> accounts) {
    String http = accounts.get(0);
    String eraser = member(stack, APAC.subscriberFunctionName("devices", "eraser"));
    String bucket = stack.ref("google_storage_bucket", bucket(stack), "name");
    String workTopic =
        stack.ref("google_pubsub_topic", topic(stack, "stride-devices-work-apac"), "name");
    List<String> objectGrants =
        new ArrayList<>(accounts.stream().map(a -> "roles/storage.objectUser " + a).toList());
    objectGrants.add(eraserRole(stack) + " " + eraser);

    assertThat(
            stack.resources("google_storage_bucket_iam_member").values().stream()
                .filter(m -> m.path("bucket").asString().equals(bucket)))
        .extracting(m -> m.path("role").asString() + " " + m.path("member").asString())
        .containsExactlyInAnyOrderElementsOf(objectGrants);
    assertThat(keyGrants(stack, "tokens"))
        .extracting(m -> m.path("role").asString() + " " + m.path("member").asString())
        .containsExactlyInAnyOrderElementsOf(
            accounts.stream().map(a -> "roles/cloudkms.cryptoKeyEncrypterDecrypter " + a).toList());
    assertThat(
            stack.resources("google_pubsub_topic_iam_member").values().stream()
                .filter(m -> m.path("topic").asString().equals(workTopic)))
        .extracting(m -> m.path("role").asString() + " " + m.path("member").asString())
        .containsExactlyInAnyOrder(
            "roles/pubsub.publisher " + http, "roles/pubsub.publisher " + eraser);
    // No project-level KMS or storage role for anyone.
    assertThat(stack.resources("google_project_iam_member").values())
        .noneMatch(m -> m.path("role").asString().startsWith("roles/cloudkms."))
        .noneMatch(m -> m.path("role").asString().startsWith("roles/storage."));
  }

  /**
   * The work topic and its dead letters, both stored only in the region, dead letters after five
   * delivery attempts, forwarded and acknowledged by the Pub/Sub service agent.
   */
  static void assertWorkTopicAndDeadLetters(TfStack stack) {
    JsonNode topic = topic(stack, "stride-devices-work-apac");
    JsonNode dlq = topic(stack, "stride-devices-work-apac-dlq");
    JsonNode delivery = delivery(stack);

    for (JsonNode t : List.of(topic, dlq)) {
      assertThat(strings(t.at("/message_storage_policy/allowed_persistence_regions")))
          .containsExactly(APAC.location());
    }
    assertThat(delivery.path("topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", topic, "id"));
    assertThat(delivery.at("/dead_letter_policy/dead_letter_topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", dlq, "id"));
    assertThat(delivery.at("/dead_letter_policy/max_delivery_attempts").asInt()).isEqualTo(5);
    assertThat(
            stack
                .named(
                    "google_pubsub_topic_iam_member",
                    "topic",
                    stack.ref("google_pubsub_topic", dlq, "name"))
                .path("member")
                .asString())
        .isEqualTo(PUBSUB_AGENT);
    assertThat(
            stack
                .named(
                    "google_pubsub_subscription_iam_member",
                    "subscription",
                    stack.ref("google_pubsub_subscription", delivery, "name"))
                .path("role")
                .asString())
        .isEqualTo("roles/pubsub.subscriber");
    assertThat(
            stack
                .named("google_pubsub_subscription", "name", "stride-devices-work-apac-dlq-hold")
                .path("topic")
                .asString())
        .isEqualTo(stack.ref("google_pubsub_topic", dlq, "id"));
  }

  /**
   * Exactly the functions {@code devices} get the devices variables of {@code stack}; the data
   * eraser and its sweep get the bucket and the work topic, never the tokens key.
   */
  static void assertOnlyGetTheDevicesVariables(TfStack stack, List<String> devices) {
    // The bucket's and work topic's names, never the key: the eraser, its sweep, and the outbox
    // relay (whose configuration requires them).
    List<String> erasers =
        List.of(
            APAC.subscriberFunctionName("devices", "eraser"),
            APAC.subscriberSweepFunctionName("devices", "eraser"),
            APAC.outboxRelayFunctionName("devices"));
    Map<String, String> expected =
        Map.of(
            "STRIDE_DEVICES_BUCKET",
            stack.ref("google_storage_bucket", bucket(stack), "name"),
            "STRIDE_DEVICES_TOKEN_KEY_ID",
            stack.ref("google_kms_crypto_key", key(stack, "tokens"), "id"),
            "STRIDE_DEVICES_WORK_TOPIC",
            stack.ref("google_pubsub_topic", topic(stack, "stride-devices-work-apac"), "id"));

    for (JsonNode fn : stack.resources("google_cloudfunctions2_function").values()) {
      String name = fn.path("name").asString();
      JsonNode env = fn.at("/service_config/environment_variables");
      if (devices.contains(name)) {
        expected.forEach(
            (variable, value) ->
                assertThat(env.path(variable).asString())
                    .as(name + " " + variable)
                    .isEqualTo(value));
      } else if (erasers.contains(name)) {
        assertThat(env.path("STRIDE_DEVICES_BUCKET").asString())
            .isEqualTo(expected.get("STRIDE_DEVICES_BUCKET"));
        assertThat(env.path("STRIDE_DEVICES_WORK_TOPIC").asString())
            .isEqualTo(expected.get("STRIDE_DEVICES_WORK_TOPIC"));
        assertThat(env.has("STRIDE_DEVICES_TOKEN_KEY_ID")).as(name).isFalse();
      } else {
        assertThat(env.propertyNames()).as(name).doesNotContainAnyElementsOf(expected.keySet());
      }
    }
  }

  /**
   * The devices eraser's custom role as a reference ({@code ${google_project_iam_custom_role.<id>
   * .name}}).
   */
  static String eraserRole(TfStack stack) {
    return stack.ref(
        "google_project_iam_custom_role",
        stack.named("google_project_iam_custom_role", "role_id", "stride_devices_eraser_apac"),
        "name");
  }

  static JsonNode bucket(TfStack stack) {
    return stack.named("google_storage_bucket", "name", APAC.gcpProject() + "-stride-devices-apac");
  }

  static JsonNode key(TfStack stack, String name) {
    return stack.named("google_kms_crypto_key", "name", name);
  }

  static List<JsonNode> keyGrants(TfStack stack, String keyName) {
    String keyId = stack.ref("google_kms_crypto_key", key(stack, keyName), "id");
    return stack.resources("google_kms_crypto_key_iam_member").values().stream()
        .filter(m -> m.path("crypto_key_id").asString().equals(keyId))
        .toList();
  }

  static JsonNode topic(TfStack stack, String name) {
    return stack.named("google_pubsub_topic", "name", name);
  }

  static JsonNode delivery(TfStack stack) {
    return stack.named("google_pubsub_subscription", "name", "stride-devices-work-apac-delivery");
  }

  static JsonNode function(TfStack stack, String name) {
    return stack.named("google_cloudfunctions2_function", "name", name);
  }

  static String member(TfStack stack, String accountId) {
    return stack.ref(
        "google_service_account",
        stack.named("google_service_account", "account_id", accountId),
        "member");
  }

  private String fieldId(JsonNode field) {
    String ref = stack.ref("google_firestore_field", field, "id");
    return ref.substring(2, ref.length() - ".id}".length());
  }
}
