package app.stride.infra.aws;

import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.elasticache_replication_group.ElasticacheReplicationGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_replication_group.ElasticacheReplicationGroupLogDeliveryConfiguration;
import com.hashicorp.cdktf.providers.aws.elasticache_subnet_group.ElasticacheSubnetGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUser;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUserAuthenticationMode;
import com.hashicorp.cdktf.providers.aws.elasticache_user_group.ElasticacheUserGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The region's Redis, where the edge's rate-limit buckets and the login throttle's counters live
 * ({@code docs/edge.md}): an ElastiCache for Redis replication group {@code stride-cache-<id>} in
 * the region's network ({@link RegionNetwork}), a primary and a replica in another zone with
 * automatic failover, TLS required, encrypted at rest with the region's key, no snapshots (the
 * counters are short-lived), its slow log in CloudWatch.
 *
 * <p>No password exists: the HTTP functions sign in as the cache user {@code stride-http-<id>} with
 * IAM ({@code STRIDE_REDIS_AUTH=elasticache-iam}, shared-aws {@code ElastiCacheIamAuth}), allowed
 * by {@code elasticache:Connect} on this group and that user in their roles ({@link #grants()}).
 * The user group's mandatory {@code default} user is switched off, so a connection that has not
 * signed in can do nothing.
 */
public final class RegionRedis extends Construct {

  /** How the functions sign in (the mechanism's name in shared-aws). */
  public static final String AUTH = "elasticache-iam";

  /** The engine version: the newest ElastiCache for Redis OSS line with IAM sign-in. */
  public static final String ENGINE_VERSION = "7.1";

  /**
   * What the functions' user may do: any key, every command except the dangerous ones ({@code
   * FLUSHALL}, {@code CONFIG}, {@code KEYS}, {@code DEBUG}, ...). The Lua scripts of the rate
   * limiter and the throttle need {@code EVALSHA} and {@code SCRIPT LOAD}, which stay allowed
   * ({@code RedisConnectionIT} runs them as a user with this access string).
   */
  public static final String FUNCTION_ACCESS = "on ~* +@all -@dangerous";

  /** The disabled {@code default} user's access string. */
  public static final String DEFAULT_ACCESS = "off -@all";

  private final ElasticacheReplicationGroup group;
  private final ElasticacheUser functionUser;
  private final RegionNetwork network;

  /** Creates the Redis of {@code region} in {@code network}, encrypted with {@code key}. */
  public RegionRedis(
      Construct scope,
      String id,
      RegionConfig region,
      CacheConfig config,
      RegionNetwork network,
      RegionKey key,
      ObservabilityConfig observability) {
    super(scope, id);
    this.network = network;
    String name = cacheName(region);
    ElasticacheUser disabledDefault =
        ElasticacheUser.Builder.create(this, "default_user")
            .userId("stride-default-" + region.id())
            .userName("default")
            .engine("REDIS")
            .accessString(DEFAULT_ACCESS)
            .authenticationMode(
                ElasticacheUserAuthenticationMode.builder().type("no-password-required").build())
            .build();
    functionUser =
        ElasticacheUser.Builder.create(this, "function_user")
            .userId(userName(region))
            .userName(userName(region))
            .engine("REDIS")
            .accessString(FUNCTION_ACCESS)
            .authenticationMode(ElasticacheUserAuthenticationMode.builder().type("iam").build())
            .build();
    ElasticacheUserGroup users =
        ElasticacheUserGroup.Builder.create(this, "users")
            .userGroupId(name)
            .engine("REDIS")
            .userIds(List.of(disabledDefault.getUserId(), functionUser.getUserId()))
            .build();
    ElasticacheSubnetGroup subnets =
        ElasticacheSubnetGroup.Builder.create(this, "subnets")
            .name(name)
            .description("Private subnets of the Stride Redis of " + region.id())
            .subnetIds(network.privateSubnetIds())
            .build();
    CloudwatchLogGroup slowLog =
        CloudwatchLogGroup.Builder.create(this, "slow_log")
            .name("/aws/elasticache/" + name + "/slow-log")
            .retentionInDays(observability.logRetentionDays())
            .build();
    group =
        ElasticacheReplicationGroup.Builder.create(this, "group")
            .replicationGroupId(name)
            .description("Rate limits and login throttle of Stride " + region.id())
            .engine("redis")
            .engineVersion(ENGINE_VERSION)
            .nodeType(config.awsNodeType())
            .numCacheClusters(RegionNetwork.ZONES)
            .automaticFailoverEnabled(true)
            .multiAzEnabled(true)
            .port(RegionNetwork.REDIS_PORT)
            .subnetGroupName(subnets.getName())
            .securityGroupIds(List.of(network.cacheGroupId()))
            .transitEncryptionEnabled(true)
            .atRestEncryptionEnabled(true)
            .kmsKeyId(key.arn())
            .userGroupIds(List.of(users.getUserGroupId()))
            .snapshotRetentionLimit(0)
            .maintenanceWindow("sun:03:00-sun:04:00")
            .autoMinorVersionUpgrade("true")
            .logDeliveryConfiguration(
                List.of(
                    ElasticacheReplicationGroupLogDeliveryConfiguration.builder()
                        .destination(slowLog.getName())
                        .destinationType("cloudwatch-logs")
                        .logFormat("json")
                        .logType("slow-log")
                        .build()))
            .build();
  }

  /** The replication group's id, {@code stride-cache-<id>}. */
  public static String cacheName(RegionConfig region) {
    return "stride-cache-" + region.id();
  }

  /** The functions' cache user, {@code stride-http-<id>} (IAM users' id and name are equal). */
  public static String userName(RegionConfig region) {
    return "stride-http-" + region.id();
  }

  /**
   * What an HTTP function needs to find the cache and sign in: {@code STRIDE_REDIS_URL} (TLS, the
   * primary endpoint), {@code STRIDE_REDIS_AUTH}, {@code STRIDE_REDIS_USER} and {@code
   * STRIDE_REDIS_CACHE_NAME}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "STRIDE_REDIS_URL",
        "rediss://" + group.getPrimaryEndpointAddress() + ":" + RegionNetwork.REDIS_PORT);
    env.put("STRIDE_REDIS_AUTH", AUTH);
    env.put("STRIDE_REDIS_USER", functionUser.getUserName());
    env.put("STRIDE_REDIS_CACHE_NAME", group.getReplicationGroupId());
    return env;
  }

  /**
   * An HTTP function's grants: signing in to this group as the functions' user, and the network
   * interfaces Lambda manages for a function in a VPC (Lambda's documented execution-role actions,
   * which EC2 does not scope to resources for the describe calls).
   */
  public List<DataAwsIamPolicyDocumentStatement> grants() {
    return List.of(
        FunctionRole.allow(
            "RedisConnect", List.of("elasticache:Connect"), group.getArn(), functionUser.getArn()),
        FunctionRole.allow(
            "VpcNetworkInterfaces",
            List.of(
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:UnassignPrivateIpAddresses"),
            "*"));
  }

  /** Where an HTTP function runs to reach the cache. */
  public SpringLambda.Network network() {
    return new SpringLambda.Network(
        network.privateSubnetIds(), List.of(network.functionsGroupId()));
  }

  /** The replication group. */
  public ElasticacheReplicationGroup group() {
    return group;
  }
}
