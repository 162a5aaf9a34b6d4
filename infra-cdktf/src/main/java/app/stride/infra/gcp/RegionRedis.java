package app.stride.infra.gcp;

import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.google.redis_instance.RedisInstance;
import com.hashicorp.cdktf.providers.google.redis_instance.RedisInstanceMaintenancePolicy;
import com.hashicorp.cdktf.providers.google.redis_instance.RedisInstanceMaintenancePolicyWeeklyMaintenanceWindow;
import com.hashicorp.cdktf.providers.google.redis_instance.RedisInstanceMaintenancePolicyWeeklyMaintenanceWindowStartTime;
import com.hashicorp.cdktf.providers.google.redis_instance.RedisInstancePersistenceConfig;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecret;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_iam_member.SecretManagerSecretIamMember;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_version.SecretManagerSecretVersion;
import java.util.List;
import software.constructs.Construct;

/**
 * The region's Redis (the edge's rate-limit buckets and the login throttle's counters, {@code
 * docs/edge.md}): a Memorystore for Redis instance {@code stride-<regionId>}, standard tier (a
 * replica in another zone, automatic failover), {@link CacheConfig#gcpMemorySizeGb()} GiB, {@value
 * #REDIS_VERSION}, on the region's network ({@link RegionNetwork}) by direct peering in {@link
 * CacheConfig#secondTop28()}, TLS with server authentication, AUTH on, no persistence (the counters
 * live seconds to minutes), maintenance on {@value #MAINTENANCE_DAY}s at {@value
 * #MAINTENANCE_HOUR_UTC}:00 UTC.
 *
 * <p>The AUTH string reaches functions only through the Secret Manager secret {@code
 * stride-redis-auth-<regionId>} (replicated only in the region), whose version this construct
 * writes from the instance's {@code auth_string}. That attribute is computed by the instance, so it
 * is in the Terraform state whatever is done here; the version adds no exposure beyond the state
 * (never the synthesized JSON), and the state must be protected.
 */
public final class RegionRedis extends Construct {

  /** The newest Redis version Memorystore for Redis offers. */
  public static final String REDIS_VERSION = "REDIS_7_2";

  /**
   * How the functions check the server's certificate: its chain, ending at the instance's own CA
   * (trusted alone, {@code STRIDE_REDIS_CA_PEM}), without a host name check. The server certificate
   * names the instance's IP in its common name, which the JDK never matches an IP against (only
   * subject alternative names), and the CA is the instance's own, so the chain identifies the
   * instance ({@code RedisConnectionIT} shows both with such a certificate).
   */
  public static final String VERIFY_PEER = "CA";

  /** A replica in a second zone. */
  public static final String TIER = "STANDARD_HA";

  /** TLS, the client checking the server against the instance's CA. */
  public static final String TRANSIT_ENCRYPTION = "SERVER_AUTHENTICATION";

  /**
   * The weekly maintenance day and hour (UTC): Tuesday 19:00 UTC is Wednesday 03:00 in Singapore
   * ({@code asia-southeast1}); a failover then costs the functions a few seconds on in-process
   * buckets.
   */
  public static final String MAINTENANCE_DAY = "TUESDAY";

  /** See {@link #MAINTENANCE_DAY}. */
  public static final int MAINTENANCE_HOUR_UTC = 19;

  private final RegionConfig region;
  private final RegionNetwork network;
  private final RedisInstance instance;
  private final SecretManagerSecret secret;
  private final SecretManagerSecretVersion version;

  /** Declares the instance on {@code network}, the AUTH secret and its version. */
  public RegionRedis(
      Construct scope, String id, RegionConfig region, CacheConfig cache, RegionNetwork network) {
    super(scope, id);
    this.region = region;
    this.network = network;
    instance =
        RedisInstance.Builder.create(this, "instance")
            .project(region.gcpProject())
            .region(region.location())
            .name("stride-" + region.id())
            .displayName("Stride " + region.id() + " rate limits")
            .tier(TIER)
            .memorySizeGb(cache.gcpMemorySizeGb())
            .redisVersion(REDIS_VERSION)
            .authorizedNetwork(network.networkId())
            .connectMode("DIRECT_PEERING")
            .reservedIpRange(cache.secondTop28())
            .authEnabled(true)
            .transitEncryptionMode(TRANSIT_ENCRYPTION)
            .persistenceConfig(
                RedisInstancePersistenceConfig.builder().persistenceMode("DISABLED").build())
            .maintenancePolicy(
                RedisInstanceMaintenancePolicy.builder()
                    .weeklyMaintenanceWindow(
                        List.of(
                            RedisInstanceMaintenancePolicyWeeklyMaintenanceWindow.builder()
                                .day(MAINTENANCE_DAY)
                                .startTime(
                                    RedisInstanceMaintenancePolicyWeeklyMaintenanceWindowStartTime
                                        .builder()
                                        .hours(MAINTENANCE_HOUR_UTC)
                                        .minutes(0)
                                        .build())
                                .build()))
                    .build())
            .build();
    secret = AuthFunctionSecrets.regional(this, "auth_secret", region, authSecretName(region));
    version =
        SecretManagerSecretVersion.Builder.create(this, "auth_version")
            .secret(secret.getId())
            .secretData(instance.getAuthString())
            .build();
  }

  /** The name of the AUTH string's secret in {@code region}: {@code stride-redis-auth-<id>}. */
  public static String authSecretName(RegionConfig region) {
    return "stride-redis-auth-" + region.id();
  }

  /**
   * Lets {@code member} read the AUTH secret (construct id {@code <id>}) and returns what its
   * function needs to reach the instance, the grant and the secret's version among what must exist
   * before the function.
   */
  public RedisAccess grantTo(String id, String member) {
    SecretManagerSecretIamMember grant =
        SecretManagerSecretIamMember.Builder.create(this, id)
            .project(region.gcpProject())
            .secretId(secret.getSecretId())
            .role(AuthFunctionIdentity.SECRET_ROLE)
            .member(member)
            .build();
    return new RedisAccess(
        network.connectorId(), url(), serverCas(), secret.getSecretId(), List.of(grant, version));
  }

  /**
   * Every CA certificate the instance lists, one PEM after another: during a CA rotation it lists
   * the old and the new one, and the functions trust both.
   */
  private String serverCas() {
    return "${join(\"\", " + instance.getFqn() + ".server_ca_certs[*].cert)}";
  }

  /** {@code rediss://<host>:<port>} of the instance. */
  private String url() {
    return "rediss://"
        + instance.getHost()
        + ":"
        + Token.asString(instance.getPort())
        + "?verifyPeer="
        + VERIFY_PEER;
  }

  /** The instance's private address, for the stack's outputs. */
  public String host() {
    return instance.getHost();
  }

  /** The AUTH secret's id, for the stack's outputs. */
  public String secretId() {
    return secret.getSecretId();
  }
}
