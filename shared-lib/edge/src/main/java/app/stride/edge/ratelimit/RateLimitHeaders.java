package app.stride.edge.ratelimit;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers
 * (revision 11, May 2026,
 * https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/11/): Structured Field
 * Lists (RFC 9651) of items whose value is the policy name as an sf-string, e.g.
 *
 * <pre>
 * RateLimit-Policy: "auth-ip";q=10;w=60, "auth-user";q=10;w=60
 * RateLimit: "auth-ip";r=0;t=6, "auth-user";r=4;t=6
 * </pre>
 *
 * <p>A policy is a bucket: {@code q} is its capacity and {@code w} the whole seconds an empty one
 * takes to fill, so {@code q} per {@code w} never overstates the sustained rate. A service limit
 * says {@code r}, the whole tokens left, and {@code t}, the seconds until the bucket gains its next
 * token (rounded up): within {@code t} seconds no more than {@code r} requests can pass. The {@code
 * pk} (partition key) parameter is not sent: the partitions are the caller's own user id and
 * address, which need no echo.
 */
public final class RateLimitHeaders {

  /** Field name of the quota policies. */
  public static final String POLICY = "RateLimit-Policy";

  /** Field name of the current service limits. */
  public static final String LIMIT = "RateLimit";

  /** Field name of the delay before a refused request may be retried (RFC 9110). */
  public static final String RETRY_AFTER = "Retry-After";

  /**
   * The policy's name as an sf-string and its whole {@code RateLimit-Policy} item, rendered once
   * per route class, dimension and bucket shape (a handful per deployment, all from the limits
   * file): every request names the same few policies, so its headers are not built character by
   * character.
   */
  private record Rendered(String name, String item) {}

  private record Policy(String routeClass, Dimension dimension, BucketSpec spec) {}

  private static final ConcurrentMap<Policy, Rendered> RENDERED = new ConcurrentHashMap<>();

  private RateLimitHeaders() {}

  /** One quota policy item, e.g. {@code "auth-ip";q=10;w=60}. */
  public static String policyItem(Bucket bucket) {
    return rendered(bucket).item();
  }

  /** One service limit item, e.g. {@code "auth-ip";r=0;t=12}. */
  public static String limitItem(Bucket bucket, BucketState state) {
    return appendLimitItem(new StringBuilder(32), bucket, state).toString();
  }

  /** The {@code RateLimit-Policy} value for these buckets, in order. */
  public static String policy(List<Bucket> buckets) {
    if (buckets.size() == 1) {
      return policyItem(buckets.get(0));
    }
    StringBuilder value = new StringBuilder(64);
    for (int i = 0; i < buckets.size(); i++) {
      if (i > 0) {
        value.append(", ");
      }
      value.append(policyItem(buckets.get(i)));
    }
    return value.toString();
  }

  /** The {@code RateLimit} value for these buckets and their states, in order. */
  public static String limit(List<Bucket> buckets, List<BucketState> states) {
    if (buckets.size() != states.size()) {
      throw new IllegalArgumentException("one state per bucket");
    }
    StringBuilder value = new StringBuilder(64);
    for (int i = 0; i < buckets.size(); i++) {
      if (i > 0) {
        value.append(", ");
      }
      appendLimitItem(value, buckets.get(i), states.get(i));
    }
    return value.toString();
  }

  private static StringBuilder appendLimitItem(
      StringBuilder value, Bucket bucket, BucketState state) {
    return value
        .append(rendered(bucket).name())
        .append(";r=")
        .append(state.remaining())
        .append(";t=")
        .append(state.secondsToNextToken());
  }

  private static Rendered rendered(Bucket bucket) {
    Policy policy = new Policy(bucket.key().routeClass(), bucket.key().dimension(), bucket.spec());
    Rendered rendered = RENDERED.get(policy);
    if (rendered == null) {
      String name = sfString(bucket.policyName());
      BucketSpec spec = bucket.spec();
      rendered = new Rendered(name, name + ";q=" + spec.capacity() + ";w=" + spec.windowSeconds());
      RENDERED.putIfAbsent(policy, rendered);
    }
    return rendered;
  }

  /** An sf-string (RFC 9651 section 3.3.3): printable ASCII, quote and backslash escaped. */
  static String sfString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("an sf-string holds printable ASCII only");
      }
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
