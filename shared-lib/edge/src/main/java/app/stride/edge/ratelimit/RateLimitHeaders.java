package app.stride.edge.ratelimit;

import java.util.List;
import java.util.stream.Collectors;

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

  private RateLimitHeaders() {}

  /** One quota policy item, e.g. {@code "auth-ip";q=10;w=60}. */
  public static String policyItem(Bucket bucket) {
    BucketSpec spec = bucket.spec();
    return sfString(bucket.policyName()) + ";q=" + spec.capacity() + ";w=" + spec.windowSeconds();
  }

  /** One service limit item, e.g. {@code "auth-ip";r=0;t=12}. */
  public static String limitItem(Bucket bucket, BucketState state) {
    return sfString(bucket.policyName())
        + ";r="
        + state.remaining()
        + ";t="
        + state.secondsToNextToken();
  }

  /** The {@code RateLimit-Policy} value for these buckets, in order. */
  public static String policy(List<Bucket> buckets) {
    return buckets.stream().map(RateLimitHeaders::policyItem).collect(Collectors.joining(", "));
  }

  /** The {@code RateLimit} value for these buckets and their states, in order. */
  public static String limit(List<Bucket> buckets, List<BucketState> states) {
    if (buckets.size() != states.size()) {
      throw new IllegalArgumentException("one state per bucket");
    }
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < buckets.size(); i++) {
      if (i > 0) {
        value.append(", ");
      }
      value.append(limitItem(buckets.get(i), states.get(i)));
    }
    return value.toString();
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
