package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of draft-ietf-httpapi-ratelimit-headers-11. */
class RateLimitHeadersTest {

  private final Bucket authIp =
      bucket("auth", Dimension.IP, "198.51.100.7", 10, 10, Duration.ofMinutes(1));
  private final Bucket authUser =
      bucket("auth", Dimension.USER, "u-1", 5, 1, Duration.ofSeconds(2));

  @Test
  void policyItem_namesClassAndDimension_withQuotaAndWindow() {
    assertThat(RateLimitHeaders.policyItem(authIp)).isEqualTo("\"auth-ip\";q=10;w=60");
    assertThat(RateLimitHeaders.policyItem(authUser)).isEqualTo("\"auth-user\";q=5;w=10");
  }

  @Test
  void limitItem_saysRemainingTokens_andSecondsToTheNextOne_roundedUp() {
    assertThat(RateLimitHeaders.limitItem(authIp, new BucketState(0, 11_000_001)))
        .isEqualTo("\"auth-ip\";r=0;t=12");
    assertThat(RateLimitHeaders.limitItem(authIp, new BucketState(7, 1)))
        .isEqualTo("\"auth-ip\";r=7;t=1");
  }

  @Test
  void lists_joinItemsInOrder_asAStructuredFieldList() {
    List<Bucket> buckets = List.of(authIp, authUser);

    assertThat(RateLimitHeaders.policy(buckets))
        .isEqualTo("\"auth-ip\";q=10;w=60, \"auth-user\";q=5;w=10");
    assertThat(
            RateLimitHeaders.limit(
                buckets, List.of(new BucketState(0, 6_000_000), new BucketState(4, 500_000))))
        .isEqualTo("\"auth-ip\";r=0;t=6, \"auth-user\";r=4;t=1");
  }

  @Test
  void sfString_escapesQuoteAndBackslash_andRefusesNonAscii() {
    assertThat(RateLimitHeaders.sfString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThatThrownBy(() -> RateLimitHeaders.sfString("caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitHeaders.sfString("a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
