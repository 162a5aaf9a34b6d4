package app.stride.infra.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The region's Redis, which holds the edge's rate-limit buckets and the login throttle's counters
 * ({@code docs/edge.md}): short-lived counters only, so no persistence and no backups; what it must
 * do is stay up (a replica in a second zone) and answer within the functions' Redis timeout.
 *
 * @param awsNodeType the ElastiCache node type of each of the two nodes (primary and replica), e.g.
 *     {@code cache.t4g.small}
 * @param gcpMemorySizeGb the Memorystore for Redis instance's memory (standard tier: a replica in
 *     another zone), in GiB
 * @param vpcCidr the address range of each region's network; a /16 the stacks divide into the
 *     subnets they need (the same range in every region: the networks are never joined)
 */
public record CacheConfig(String awsNodeType, int gcpMemorySizeGb, String vpcCidr) {

  private static final Pattern NODE_TYPE = Pattern.compile("cache\\.[a-z0-9]+\\.[a-z0-9]+");
  private static final Pattern SLASH_16 = Pattern.compile("(10)\\.(\\d{1,3})\\.0\\.0/16");

  /** Validates the node type's shape, the memory (Memorystore's 1..300 GiB) and the range. */
  public CacheConfig {
    Objects.requireNonNull(awsNodeType, "awsNodeType");
    Objects.requireNonNull(vpcCidr, "vpcCidr");
    if (!NODE_TYPE.matcher(awsNodeType).matches()) {
      throw new IllegalArgumentException("not an ElastiCache node type: " + awsNodeType);
    }
    if (gcpMemorySizeGb < 1 || gcpMemorySizeGb > 300) {
      throw new IllegalArgumentException("gcpMemorySizeGb must be 1..300: " + gcpMemorySizeGb);
    }
    var cidr = SLASH_16.matcher(vpcCidr);
    if (!cidr.matches() || Integer.parseInt(cidr.group(2)) > 255) {
      throw new IllegalArgumentException("vpcCidr must be a private 10.x.0.0/16: " + vpcCidr);
    }
  }

  /**
   * The {@code index}-th /20 of {@link #vpcCidr()} (0..15), e.g. {@code 10.40.16.0/20} for index 1
   * of {@code 10.40.0.0/16}.
   */
  public String subnet20(int index) {
    if (index < 0 || index > 15) {
      throw new IllegalArgumentException("a /16 holds sixteen /20s: " + index);
    }
    return prefix() + "." + (index * 16) + ".0/20";
  }

  /** The /28 at the top of {@link #vpcCidr()}, e.g. {@code 10.40.255.240/28}. */
  public String top28() {
    return prefix() + ".255.240/28";
  }

  /**
   * The /28 just below {@link #top28()}, e.g. {@code 10.40.255.224/28}: like it, inside the last
   * /20 ({@code subnet20(15)}), and not overlapping it.
   */
  public String secondTop28() {
    return prefix() + ".255.224/28";
  }

  private String prefix() {
    return vpcCidr.substring(0, vpcCidr.indexOf(".0.0/16"));
  }
}
