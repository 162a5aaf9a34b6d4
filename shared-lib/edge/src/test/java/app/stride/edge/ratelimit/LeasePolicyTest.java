package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeasePolicyTest {

  private final LeasePolicy standard = LeasePolicy.standard();

  @Test
  void authClassAndSmallBuckets_neverLease() {
    Bucket auth = bucket("auth", Dimension.IP, "192.0.2.1", 600, 600, Duration.ofMinutes(1));
    Bucket small = bucket("write", Dimension.USER, "u", 49, 1, Duration.ofSeconds(1));

    assertThat(standard.largestLease(auth)).isEqualTo(1);
    assertThat(standard.largestLease(small)).isEqualTo(1);
    assertThat(LeasePolicy.NONE.largestLease(readUser())).isEqualTo(1);
  }

  @Test
  void largerBuckets_leaseATwentiethOfTheirCapacity_atMostFifty() {
    Bucket readIp = bucket("read", Dimension.IP, "192.0.2.1", 300, 30, Duration.ofSeconds(1));
    Bucket writeIp = bucket("write", Dimension.IP, "192.0.2.1", 60, 2, Duration.ofSeconds(1));
    Bucket huge = bucket("webhook", Dimension.IP, "192.0.2.1", 1_000_000, 1, Duration.ofDays(1));

    assertThat(standard.largestLease(readUser())).isEqualTo(5);
    assertThat(standard.largestLease(readIp)).isEqualTo(15);
    assertThat(standard.largestLease(writeIp)).isEqualTo(3);
    assertThat(standard.largestLease(huge)).isEqualTo(50);
  }

  @Test
  void lifetime_isOneSecond_orLessWhereTheBucketRefillsMoreThanTwoLargestLeasesMeanwhile() {
    Bucket writeIp = bucket("write", Dimension.IP, "192.0.2.1", 60, 2, Duration.ofSeconds(1));
    Bucket webhook = bucket("webhook", Dimension.IP, "192.0.2.1", 600, 200, Duration.ofSeconds(1));
    Bucket fast = bucket("read", Dimension.USER, "u", 100, 20, Duration.ofSeconds(1));

    assertThat(standard.lifetimeNanos(writeIp)).as("6 tokens take 3 s").isEqualTo(1_000_000_000L);
    assertThat(standard.lifetimeNanos(readUser())).as("10 at 10/s").isEqualTo(1_000_000_000L);
    assertThat(standard.lifetimeNanos(fast)).as("10 tokens at 20/s").isEqualTo(500_000_000L);
    assertThat(standard.lifetimeNanos(webhook)).as("60 tokens at 200/s").isEqualTo(300_000_000L);
  }

  @Test
  void policy_refusesNonsense() {
    assertThatThrownBy(() -> new LeasePolicy(Set.of(), 1, 0, 5, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeasePolicy(Set.of(), 1, 20, 5, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Bucket readUser() {
    return bucket("read", Dimension.USER, "u", 100, 10, Duration.ofSeconds(1));
  }
}
