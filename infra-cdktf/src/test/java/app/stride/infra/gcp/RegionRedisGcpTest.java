package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.FunctionEnvironments;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GCP region's Redis: its network and connector, the Memorystore instance, the AUTH string's
 * secret and version, and which functions reach it (every HTTP function, nothing else).
 */
class RegionRedisGcpTest {
  private static final EnvConfig ENV = SynthesizedStacks.config();
  private static final RegionConfig APAC = ENV.region("apac").orElseThrow();
  private static final CacheConfig CACHE = ENV.cache();
  private static final String AUTH_SECRET = "stride-redis-auth-apac";

  private final TfStack stack = SynthesizedStacks.region("apac");
  private final JsonNode network = stack.only("google_compute_network");
  private final JsonNode connector = stack.only("google_vpc_access_connector");
  private final JsonNode instance = stack.only("google_redis_instance");
  private final JsonNode secret =
      stack.named("google_secret_manager_secret", "secret_id", AUTH_SECRET);
  private final String secretId = stack.ref("google_secret_manager_secret", secret, "secret_id");

  @Test
  void network_hasNoSubnetsOfItsOwn_andRoutesRegionally() {
    assertThat(network.path("name").asString()).isEqualTo("stride-apac");
    assertThat(network.path("project").asString()).isEqualTo(APAC.gcpProject());
    assertThat(network.path("auto_create_subnetworks").asBoolean(true)).isFalse();
    assertThat(network.path("routing_mode").asString()).isEqualTo("REGIONAL");
    assertThat(stack.resources("google_compute_subnetwork")).isEmpty();
  }

  @Test
  void connector_isInTheRegion_onTheNetwork_onTheTopSlash28_twoToThreeSmallInstances() {
    assertThat(connector.path("name").asString())
        .isEqualTo("stride-apac")
        .matches("[a-z][-a-z0-9]{0,23}[a-z0-9]");
    assertThat(connector.path("region").asString()).isEqualTo(APAC.location());
    assertThat(connector.path("network").asString())
        .isEqualTo(stack.ref("google_compute_network", network, "name"));
    assertThat(connector.path("ip_cidr_range").asString())
        .isEqualTo(CACHE.top28())
        .isEqualTo("10.40.255.240/28");
    assertThat(connector.path("min_instances").asInt()).isEqualTo(2);
    assertThat(connector.path("max_instances").asInt()).isEqualTo(3);
    assertThat(connector.path("machine_type").asString()).isEqualTo("e2-micro");
  }

  @Test
  void instance_isStandardTier_authAndTls_onTheNetwork_inTheRegion_withoutPersistence() {
    assertThat(instance.path("name").asString()).isEqualTo("stride-apac");
    assertThat(instance.path("region").asString()).isEqualTo(APAC.location());
    assertThat(instance.path("tier").asString()).isEqualTo("STANDARD_HA");
    assertThat(instance.path("memory_size_gb").asInt()).isEqualTo(CACHE.gcpMemorySizeGb());
    assertThat(instance.path("redis_version").asString()).isEqualTo("REDIS_7_2");
    assertThat(instance.path("auth_enabled").asBoolean()).isTrue();
    assertThat(instance.path("transit_encryption_mode").asString())
        .isEqualTo("SERVER_AUTHENTICATION");
    assertThat(instance.path("connect_mode").asString()).isEqualTo("DIRECT_PEERING");
    assertThat(instance.path("authorized_network").asString())
        .isEqualTo(stack.ref("google_compute_network", network, "id"));
    assertThat(instance.at("/persistence_config/persistence_mode").asString())
        .isEqualTo("DISABLED");
    assertThat(instance.at("/maintenance_policy/weekly_maintenance_window").values())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path("day").asString()).isEqualTo("TUESDAY");
              assertThat(w.at("/start_time/hours").asInt()).isEqualTo(19);
            });
    // The zones are Memorystore's choice: a location_id would have to be a zone, not the region.
    assertThat(instance.has("location_id")).isFalse();
  }

  @Test
  void instancesRange_isASlash28OfTheNetworksRange_apartFromTheConnectors() {
    String reserved = instance.path("reserved_ip_range").asString();

    assertThat(reserved).isEqualTo(CACHE.secondTop28()).endsWith("/28");
    assertThat(within(reserved, CACHE.vpcCidr())).isTrue();
    assertThat(within(CACHE.top28(), CACHE.vpcCidr())).isTrue();
    assertThat(overlap(reserved, CACHE.top28())).isFalse();
  }

  @Test
  void authSecret_isReplicatedOnlyInTheRegion_andItsOneVersionIsTheInstancesAuthString() {
    assertThat(secret.at("/replication/user_managed/replicas").values())
        .extracting(r -> r.path("location").asString())
        .containsExactly(APAC.location());
    assertThat(secret.at("/replication/auto").isMissingNode()).isTrue();
    JsonNode version = stack.only("google_secret_manager_secret_version");
    assertThat(version.path("secret").asString())
        .isEqualTo(stack.ref("google_secret_manager_secret", secret, "id"));
    assertThat(version.path("secret_data").asString())
        .isEqualTo(stack.ref("google_redis_instance", instance, "auth_string"));
  }

  @Test
  void everyHttpFunction_goesThroughTheConnector_toPrivateRangesOnly_withUrlCaAndAuthSecret() {
    String url =
        "rediss://"
            + stack.ref("google_redis_instance", instance, "host")
            + ":"
            + stack.ref("google_redis_instance", instance, "port")
            + "?verifyPeer=CA";
    // Every listed CA (two during a rotation), joined: the functions trust each.
    String instanceRef = stack.ref("google_redis_instance", instance, "x");
    String ca =
        "${join(\"\", "
            + instanceRef.substring(2, instanceRef.length() - ".x}".length())
            + ".server_ca_certs[*].cert)}";

    for (String name : httpFunctions()) {
      JsonNode service = function(name).path("service_config");
      JsonNode env = service.path("environment_variables");

      assertThat(service.path("vpc_connector").asString())
          .as(name)
          .isEqualTo(stack.ref("google_vpc_access_connector", connector, "id"));
      assertThat(service.path("vpc_connector_egress_settings").asString())
          .as(name)
          .isEqualTo("PRIVATE_RANGES_ONLY");
      assertThat(env.path(RedisAccess.URL_ENV).asString()).as(name).isEqualTo(url);
      assertThat(env.path(RedisAccess.CA_ENV).asString()).as(name).isEqualTo(ca);
      assertThat(env.has(RedisAccess.PASSWORD_ENV)).as(name).isFalse();
      assertThat(service.path("secret_environment_variables").values())
          .as(name)
          .filteredOn(v -> v.path("key").asString().equals(RedisAccess.PASSWORD_ENV))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.path("secret").asString()).isEqualTo(secretId);
                assertThat(v.path("version").asString()).isEqualTo("latest");
                assertThat(v.path("project_id").asString()).isEqualTo(APAC.gcpProject());
              });
    }
  }

  @Test
  void everyHttpFunction_isDeployedAfterItsAccountMayReadTheSecret_andTheVersionExists() {
    String version =
        "google_secret_manager_secret_version."
            + logicalId(
                "google_secret_manager_secret_version",
                stack.only("google_secret_manager_secret_version"));

    for (String name : httpFunctions()) {
      String member = DevicesGcpTest.member(stack, name);
      String grant =
          stack.resources("google_secret_manager_secret_iam_member").entrySet().stream()
              .filter(e -> e.getValue().path("secret_id").asString().equals(secretId))
              .filter(e -> e.getValue().path("member").asString().equals(member))
              .map(e -> "google_secret_manager_secret_iam_member." + e.getKey())
              .findFirst()
              .orElseThrow(() -> new AssertionError("no grant for " + name));

      assertThat(strings(function(name).path("depends_on"))).as(name).contains(grant, version);
    }
  }

  @Test
  void onlyTheHttpFunctionsAccounts_mayReadTheAuthSecret() {
    List<String> readers =
        stack.resources("google_secret_manager_secret_iam_member").values().stream()
            .filter(m -> m.path("secret_id").asString().equals(secretId))
            .map(m -> m.path("role").asString() + " " + m.path("member").asString())
            .toList();

    assertThat(readers)
        .containsExactlyInAnyOrderElementsOf(
            httpFunctions().stream()
                .map(
                    name ->
                        "roles/secretmanager.secretAccessor " + DevicesGcpTest.member(stack, name))
                .toList());
    assertThat(stack.resources("google_project_iam_member").values())
        .noneMatch(m -> m.path("role").asString().startsWith("roles/secretmanager."));
  }

  @Test
  void workersSchedulesSubscribersSweepsAndTheChatServer_getNoneOfIt() {
    List<String> others =
        stack.resources("google_cloudfunctions2_function").values().stream()
            .map(f -> f.path("name").asString())
            .filter(n -> !httpFunctions().contains(n))
            .toList();
    assertThat(others)
        .contains(
            APAC.workerFunctionName("devices"),
            APAC.authKeyRotationFunctionName(),
            APAC.authDeletionRelayFunctionName(),
            APAC.subscriberFunctionName("profiles", "eraser"),
            APAC.subscriberFunctionName("devices", "eraser"),
            APAC.subscriberSweepFunctionName("devices", "eraser"),
            APAC.outboxRelayFunctionName("profiles"),
            APAC.outboxRelayFunctionName("workouts"),
            APAC.outboxRelayFunctionName("devices"));

    for (String name : others) {
      JsonNode fn = function(name);
      JsonNode service = fn.path("service_config");
      assertThat(service.has("vpc_connector")).as(name).isFalse();
      assertThat(service.has("vpc_connector_egress_settings")).as(name).isFalse();
      assertThat(service.path("environment_variables").propertyNames())
          .as(name)
          .noneMatch(k -> k.startsWith("STRIDE_REDIS_"));
      assertThat(service.path("secret_environment_variables").values())
          .as(name)
          .noneMatch(v -> v.path("key").asString().startsWith("STRIDE_REDIS_"));
      assertThat(strings(fn.path("depends_on")))
          .as(name)
          .noneMatch(d -> d.startsWith("google_secret_manager_secret_version."));
    }
    for (JsonNode service : stack.resources("google_cloud_run_v2_service").values()) {
      JsonNode template = service.path("template");
      assertThat(template.has("vpc_access")).isFalse();
      assertThat(template.at("/containers/0/env").values())
          .noneMatch(e -> e.path("name").asString().startsWith("STRIDE_REDIS_"));
    }
  }

  @Test
  void authString_isOnlyTheVersionsReference_neverAPlainVariableOrAnOutput() {
    String authRef = stack.ref("google_redis_instance", instance, "auth_string");

    assertThat(count(stack.json(), "auth_string")).isEqualTo(1);
    assertThat(count(stack.json(), authRef)).isEqualTo(1);
    assertThat(stack.root().path("output").toString()).doesNotContain("auth_string");
    SynthesizedStacks.all()
        .forEach(
            (name, any) ->
                FunctionEnvironments.of(any)
                    .forEach(
                        (function, env) ->
                            assertThat(env.keySet())
                                .as("%s in %s", function, name)
                                .doesNotContain(RedisAccess.PASSWORD_ENV)));
  }

  @Test
  void outputs_nameTheHostAndTheSecret_neverTheAuthString() {
    JsonNode outputs = stack.root().path("output");

    assertThat(outputs.at("/redis_host/value").asString())
        .isEqualTo(stack.ref("google_redis_instance", instance, "host"));
    assertThat(outputs.at("/redis_auth_secret_name/value").asString()).isEqualTo(secretId);
  }

  /**
   * The Redis AUTH secret's version is the only secret version in {@code stack}: every other secret
   * is filled out of band, so its value is in neither the JSON nor the state.
   */
  static void assertOnlyTheRedisAuthSecretHasAVersion(TfStack stack) {
    JsonNode authSecret = stack.named("google_secret_manager_secret", "secret_id", AUTH_SECRET);
    assertThat(stack.resources("google_secret_manager_secret_version").values())
        .extracting(v -> v.path("secret").asString())
        .containsExactly(stack.ref("google_secret_manager_secret", authSecret, "id"));
  }

  /** The HTTP functions of the region: every capability's and auth's. */
  private static List<String> httpFunctions() {
    List<String> names = new ArrayList<>();
    Capabilities.ALL.forEach(c -> names.add(APAC.functionName(c.name())));
    names.add(APAC.authFunctionName());
    return names;
  }

  private JsonNode function(String name) {
    return stack.named("google_cloudfunctions2_function", "name", name);
  }

  private String logicalId(String type, JsonNode node) {
    return stack.resources(type).entrySet().stream()
        .filter(e -> e.getValue() == node)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static boolean within(String inner, String outer) {
    long[] i = range(inner);
    long[] o = range(outer);
    return i[0] >= o[0] && i[1] <= o[1];
  }

  private static boolean overlap(String a, String b) {
    long[] x = range(a);
    long[] y = range(b);
    return x[0] <= y[1] && y[0] <= x[1];
  }

  /** The first and last address of an IPv4 CIDR range, as numbers. */
  private static long[] range(String cidr) {
    String[] parts = cidr.split("/");
    long address = 0;
    for (String octet : parts[0].split("\\.")) {
      address = address * 256 + Integer.parseInt(octet);
    }
    long size = 1L << (32 - Integer.parseInt(parts[1]));
    long first = address - address % size;
    return new long[] {first, first + size - 1};
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void fallbackAlert_whenFunctionsDecideOnInProcessBucketsForFiveMinutes_toTheChannels() {
    JsonNode policy =
        stack.named(
            "google_monitoring_alert_policy",
            "display_name",
            "stride-apac rate limits on in-process buckets");
    JsonNode condition = policy.path("conditions").get(0).path("condition_threshold");

    assertThat(condition.path("filter").asString())
        .isEqualTo("metric.type = \"custom.googleapis.com/stride/ratelimit/fallback/active\"");
    assertThat(condition.path("comparison").asString()).isEqualTo("COMPARISON_GT");
    assertThat(condition.path("threshold_value").asDouble()).isEqualTo(0.9);
    assertThat(condition.path("duration").asString()).isEqualTo("300s");
    assertThat(strings(policy.path("notification_channels")))
        .hasSize(ENV.alerting().emails().size())
        .isNotEmpty();
  }
}
