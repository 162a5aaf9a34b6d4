package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.aws.DevicesAwsTest.function;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The region's Redis on AWS ({@link RegionRedis}) and its network ({@link RegionNetwork}): two
 * zones with private subnets and a NAT each, an ElastiCache replication group only the HTTP
 * functions reach, signed in with IAM, and the HTTP functions, and only they, attached to it.
 */
class RegionRedisAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();
  private static final CacheConfig CACHE = ENV.cache();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void network_twoZones_privateSubnetsLeaveThroughTheirOwnNat_dataServicesThroughEndpoints(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode vpc = stack.only("aws_vpc");
    String vpcId = stack.ref("aws_vpc", vpc, "id");
    List<JsonNode> privateSubnets = privateSubnets(stack);

    assertThat(vpc.path("cidr_block").asString()).isEqualTo(CACHE.vpcCidr());
    assertThat(privateSubnets)
        .extracting(s -> s.path("cidr_block").asString())
        .containsExactly(CACHE.subnet20(0), CACHE.subnet20(1));
    assertThat(privateSubnets)
        .extracting(s -> s.path("availability_zone").asString())
        .doesNotHaveDuplicates()
        .allMatch(z -> z.contains("data.aws_availability_zones."));
    assertThat(stack.resources("aws_subnet").values())
        .allMatch(s -> s.path("vpc_id").asString().equals(vpcId))
        .allMatch(s -> !s.path("map_public_ip_on_launch").asBoolean(false));
    assertThat(stack.resources("aws_nat_gateway")).hasSize(RegionNetwork.ZONES);
    // Every private subnet's default route is a NAT gateway, each zone its own.
    List<String> nats = new ArrayList<>();
    for (JsonNode subnet : privateSubnets) {
      String table = routeTableOf(stack, subnet);
      JsonNode route =
          stack.resources("aws_route").values().stream()
              .filter(r -> r.path("route_table_id").asString().equals(table))
              .findFirst()
              .orElseThrow();
      assertThat(route.path("destination_cidr_block").asString()).isEqualTo("0.0.0.0/0");
      assertThat(route.path("nat_gateway_id").asString()).startsWith("${aws_nat_gateway.");
      nats.add(route.path("nat_gateway_id").asString());
    }
    assertThat(nats).doesNotHaveDuplicates();
    Map<String, JsonNode> endpoints = stack.resources("aws_vpc_endpoint");
    assertThat(endpoints.values())
        .extracting(e -> e.path("service_name").asString())
        .containsExactlyInAnyOrder(
            "com.amazonaws." + region.location() + ".dynamodb",
            "com.amazonaws." + region.location() + ".s3");
    for (JsonNode endpoint : endpoints.values()) {
      assertThat(endpoint.path("vpc_endpoint_type").asString()).isEqualTo("Gateway");
      assertThat(strings(endpoint.path("route_table_ids")))
          .containsExactlyInAnyOrderElementsOf(
              privateSubnets.stream().map(s -> routeTableOf(stack, s)).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void securityGroups_nothingComesInFromOutside_theCacheOnlyFromTheFunctions(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode functions =
        stack.named("aws_security_group", "name", "stride-" + regionId + "-functions");
    JsonNode cache = stack.named("aws_security_group", "name", "stride-" + regionId + "-cache");
    JsonNode defaultGroup = stack.only("aws_default_security_group");

    assertThat(functions.path("ingress").isMissingNode() || functions.path("ingress").isEmpty())
        .isTrue();
    assertThat(cache.path("ingress")).hasSize(1);
    JsonNode in = cache.path("ingress").get(0);
    assertThat(in.path("protocol").asString()).isEqualTo("tcp");
    assertThat(in.path("from_port").asInt()).isEqualTo(6379);
    assertThat(in.path("to_port").asInt()).isEqualTo(6379);
    assertThat(strings(in.path("security_groups")))
        .containsExactly(stack.ref("aws_security_group", functions, "id"));
    assertThat(in.path("cidr_blocks").isMissingNode() || in.path("cidr_blocks").isEmpty()).isTrue();
    // The VPC's default group keeps no rule, so nothing put in it by mistake talks to anything.
    assertThat(defaultGroup.has("ingress") && !defaultGroup.path("ingress").isEmpty()).isFalse();
    assertThat(defaultGroup.has("egress") && !defaultGroup.path("egress").isEmpty()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void cache_isAReplicatedEncryptedGroup_inThePrivateSubnets_withoutPasswordOrSnapshots(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode group = stack.only("aws_elasticache_replication_group");
    JsonNode subnets = stack.only("aws_elasticache_subnet_group");

    assertThat(group.path("replication_group_id").asString()).isEqualTo("stride-cache-" + regionId);
    assertThat(group.path("engine").asString()).isEqualTo("redis");
    assertThat(group.path("engine_version").asString()).isEqualTo("7.1");
    assertThat(group.path("node_type").asString()).isEqualTo(CACHE.awsNodeType());
    assertThat(group.path("num_cache_clusters").asInt()).isEqualTo(2);
    assertThat(group.path("automatic_failover_enabled").asBoolean()).isTrue();
    assertThat(group.path("multi_az_enabled").asBoolean()).isTrue();
    assertThat(group.path("transit_encryption_enabled").asBoolean()).isTrue();
    assertThat(group.path("at_rest_encryption_enabled").asBoolean()).isTrue();
    assertThat(group.path("kms_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(group.path("snapshot_retention_limit").asInt()).isZero();
    assertThat(group.has("auth_token")).as("no password: IAM sign-in").isFalse();
    assertThat(strings(group.path("security_group_ids")))
        .containsExactly(
            stack.ref(
                "aws_security_group",
                stack.named("aws_security_group", "name", "stride-" + regionId + "-cache"),
                "id"));
    assertThat(group.path("subnet_group_name").asString())
        .isEqualTo(stack.ref("aws_elasticache_subnet_group", subnets, "name"));
    assertThat(strings(subnets.path("subnet_ids")))
        .containsExactlyInAnyOrderElementsOf(
            privateSubnets(stack).stream().map(s -> stack.ref("aws_subnet", s, "id")).toList());
    JsonNode log = group.path("log_delivery_configuration").get(0);
    assertThat(log.path("log_type").asString()).isEqualTo("slow-log");
    assertThat(log.path("destination_type").asString()).isEqualTo("cloudwatch-logs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void users_theFunctionsSignInWithIam_theDefaultUserIsOff_noPasswordAnywhere(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode users = stack.only("aws_elasticache_user_group");
    JsonNode http = stack.named("aws_elasticache_user", "user_id", "stride-http-" + regionId);
    JsonNode off = stack.named("aws_elasticache_user", "user_name", "default");

    assertThat(http.path("user_name").asString()).isEqualTo(http.path("user_id").asString());
    assertThat(http.at("/authentication_mode/type").asString()).isEqualTo("iam");
    assertThat(http.path("access_string").asString()).isEqualTo(RegionRedis.FUNCTION_ACCESS);
    assertThat(off.path("access_string").asString()).startsWith("off ");
    assertThat(stack.resources("aws_elasticache_user").values())
        .noneMatch(u -> u.has("passwords") || u.at("/authentication_mode/passwords").size() > 0);
    assertThat(strings(users.path("user_ids")))
        .containsExactlyInAnyOrder(
            stack.ref("aws_elasticache_user", http, "user_id"),
            stack.ref("aws_elasticache_user", off, "user_id"));
    assertThat(strings(stack.only("aws_elasticache_replication_group").path("user_group_ids")))
        .containsExactly(stack.ref("aws_elasticache_user_group", users, "user_group_id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyHttpFunction_runsInThePrivateSubnets_andSignsInToTheCacheAsItsUser(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode group = stack.only("aws_elasticache_replication_group");
    JsonNode user = stack.named("aws_elasticache_user", "user_id", "stride-http-" + regionId);
    List<String> subnets =
        privateSubnets(stack).stream().map(s -> stack.ref("aws_subnet", s, "id")).toList();
    String functionsGroup =
        stack.ref(
            "aws_security_group",
            stack.named("aws_security_group", "name", "stride-" + regionId + "-functions"),
            "id");

    for (String name : httpFunctions(region)) {
      JsonNode fn = function(stack, name);
      JsonNode env = fn.at("/environment/variables");
      assertThat(strings(fn.at("/vpc_config/subnet_ids")))
          .as(name)
          .containsExactlyInAnyOrderElementsOf(subnets);
      assertThat(strings(fn.at("/vpc_config/security_group_ids")))
          .as(name)
          .containsExactly(functionsGroup);
      assertThat(env.path("STRIDE_REDIS_URL").asString())
          .as(name)
          .isEqualTo(
              "rediss://"
                  + stack.ref(
                      "aws_elasticache_replication_group", group, "primary_endpoint_address")
                  + ":6379");
      assertThat(env.path("STRIDE_REDIS_AUTH").asString()).isEqualTo("elasticache-iam");
      assertThat(env.path("STRIDE_REDIS_USER").asString())
          .isEqualTo(stack.ref("aws_elasticache_user", user, "user_name"));
      assertThat(env.path("STRIDE_REDIS_CACHE_NAME").asString())
          .isEqualTo(stack.ref("aws_elasticache_replication_group", group, "replication_group_id"));
      JsonNode connect = statement(stack, name, "RedisConnect");
      assertThat(strings(connect.path("actions"))).containsExactly("elasticache:Connect");
      assertThat(strings(connect.path("resources")))
          .containsExactlyInAnyOrder(
              stack.ref("aws_elasticache_replication_group", group, "arn"),
              stack.ref("aws_elasticache_user", user, "arn"));
      assertThat(strings(statement(stack, name, "VpcNetworkInterfaces").path("actions")))
          .allMatch(a -> a.startsWith("ec2:"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyOtherFunction_staysOutOfTheNetwork_withoutRedis(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    List<String> http = httpFunctions(ENV.region(regionId).orElseThrow());
    List<JsonNode> others =
        stack.resources("aws_lambda_function").values().stream()
            .filter(f -> !http.contains(f.path("function_name").asString()))
            .toList();

    assertThat(others).hasSizeGreaterThan(5);
    for (JsonNode fn : others) {
      String name = fn.path("function_name").asString();
      assertThat(fn.has("vpc_config")).as(name).isFalse();
      assertThat(fn.at("/environment/variables").propertyNames())
          .as(name)
          .noneMatch(v -> v.startsWith("STRIDE_REDIS_"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void fallbackAlarm_firesAfterFiveMinutesOfInProcessBuckets_toTheRegionsTopic(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode alarm =
        stack.named(
            "aws_cloudwatch_metric_alarm",
            "alarm_name",
            "stride-" + regionId + "-ratelimit-fallback");
    JsonNode query = alarm.path("metric_query").get(0);

    assertThat(query.path("expression").asString())
        .isEqualTo("SELECT MAX(\"stride.ratelimit.fallback.active\") FROM \"Stride\"");
    assertThat(query.path("period").asInt()).isEqualTo(60);
    assertThat(alarm.path("evaluation_periods").asInt()).isEqualTo(5);
    assertThat(alarm.path("datapoints_to_alarm").asInt()).isEqualTo(5);
    assertThat(alarm.path("threshold").asDouble()).isEqualTo(1.0);
    assertThat(alarm.path("comparison_operator").asString())
        .isEqualTo("GreaterThanOrEqualToThreshold");
    assertThat(strings(alarm.path("alarm_actions")))
        .containsExactly(DevicesAwsTest.alarmTopic(stack, regionId));
  }

  /** The auth function and every capability's HTTP function. */
  private static List<String> httpFunctions(RegionConfig region) {
    List<String> names = new ArrayList<>(List.of(region.authFunctionName()));
    for (Capability capability : Capabilities.ALL) {
      names.add(region.functionName(capability.name()));
    }
    return names;
  }

  private static List<JsonNode> privateSubnets(TfStack stack) {
    return stack.resources("aws_subnet").values().stream()
        .filter(s -> s.at("/tags/Name").asString().contains("-private-"))
        .toList();
  }

  private static String routeTableOf(TfStack stack, JsonNode subnet) {
    String subnetId = stack.ref("aws_subnet", subnet, "id");
    return stack.resources("aws_route_table_association").values().stream()
        .filter(a -> a.path("subnet_id").asString().equals(subnetId))
        .map(a -> a.path("route_table_id").asString())
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode statement(TfStack stack, String roleName, String sid) {
    for (JsonNode statement :
        stack.inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName)).values()) {
      if (statement.path("sid").asString().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError(roleName + " has no statement " + sid);
  }
}
