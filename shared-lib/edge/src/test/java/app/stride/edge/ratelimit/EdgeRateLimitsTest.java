package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.testkit.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facade over in-process buckets and {@code ratelimit/small-limits.yaml}. */
class EdgeRateLimitsTest {

  private static final String IP_1 = "198.51.100.7";
  private static final String IP_2 = "203.0.113.20";
  private static final Optional<String> ANONYMOUS = Optional.empty();

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EdgeRateLimits limits =
      new EdgeRateLimits(
          TestLimits.fixture("small-limits.yaml"), new LocalRateLimiter(clock), registry);

  @Test
  void authBurst_fromOneIp_admitsTheIpCapacity_thenRefusesWith429AndHeaders() {
    assertThat(limits.check("login", "POST", ANONYMOUS, IP_1).allowed()).isTrue();
    assertThat(limits.check("login", "POST", ANONYMOUS, IP_1).allowed()).isTrue();

    RateLimitDecision refused = limits.check("login", "POST", ANONYMOUS, IP_1);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.routeClass()).isEqualTo("auth");
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(refused.headers())
        .containsEntry("Retry-After", "12")
        .containsEntry("RateLimit-Policy", "\"auth-ip\";q=2;w=24")
        .containsEntry("RateLimit", "\"auth-ip\";r=0;t=12");
    assertThatThrownBy(refused::orThrow)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(429);
              assertThat(e.problem().type()).isEqualTo(ProblemType.RATE_LIMITED.uri());
              assertThat(e.problem().detail()).contains("12 seconds");
              assertThat(e.headers()).isEqualTo(refused.headers());
            });
  }

  @Test
  void admittedDecision_carriesPolicyAndLimitHeaders_withoutRetryAfter() {
    RateLimitDecision admitted = limits.check("getMyProfile", "GET", Optional.of("u-1"), IP_1);

    assertThat(admitted.orThrow()).isSameAs(admitted);
    assertThat(admitted.retryAfter()).isZero();
    assertThat(admitted.headers())
        .doesNotContainKey("Retry-After")
        .containsEntry("RateLimit-Policy", "\"read-user\";q=5;w=1, \"read-ip\";q=20;w=1")
        .containsEntry("RateLimit", "\"read-user\";r=4;t=1, \"read-ip\";r=19;t=1");
  }

  @Test
  void perUserAndPerIpBuckets_areIndependent() {
    Optional<String> alice = Optional.of("alice");
    Optional<String> bob = Optional.of("bob");
    limits.check("putMyProfile", "PUT", alice, IP_1).orThrow();
    limits.check("putMyProfile", "PUT", alice, IP_1).orThrow();

    RateLimitDecision aliceElsewhere = limits.check("putMyProfile", "PUT", alice, IP_2);
    RateLimitDecision bobSameIp = limits.check("putMyProfile", "PUT", bob, IP_1);
    RateLimitDecision anonymousElsewhere = limits.check("putMyProfile", "PUT", ANONYMOUS, IP_2);

    assertThat(aliceElsewhere.allowed()).as("alice's own bucket is empty on any IP").isFalse();
    assertThat(aliceElsewhere.deciding()).contains(Dimension.USER);
    assertThat(bobSameIp.allowed()).as("bob has his own bucket; the IP has tokens").isTrue();
    assertThat(anonymousElsewhere.allowed()).isTrue();
  }

  @Test
  void mostRestrictiveBucket_decides_andLeadsTheHeaders() {
    Optional<String> user = Optional.of("u-7");
    limits.check("changePassword", "POST", user, IP_1).orThrow();
    limits.check("changePassword", "POST", user, IP_1).orThrow();

    RateLimitDecision refused = limits.check("changePassword", "POST", user, IP_1);

    assertThat(refused.allowed()).as("IP bucket (2) empty, user bucket (3) not").isFalse();
    assertThat(refused.deciding()).contains(Dimension.IP);
    assertThat(refused.headers().get("RateLimit"))
        .isEqualTo("\"auth-ip\";r=0;t=12, \"auth-user\";r=1;t=10");
    assertThat(limits.check("changePassword", "POST", user, IP_2).allowed())
        .as("the refusal took no user token")
        .isTrue();
  }

  @Test
  void retryAfter_isTheLongestWaitOfTheRefusingBuckets_roundedUp() {
    Optional<String> user = Optional.of("u-8");
    limits.check("logout", "POST", user, IP_1).orThrow();
    limits.check("logout", "POST", user, IP_1).orThrow();
    limits.check("logout", "POST", user, IP_2).orThrow();

    RateLimitDecision bothEmpty = limits.check("logout", "POST", user, IP_1);
    clock.advance(Duration.ofMillis(10_500));
    RateLimitDecision ipStillEmpty = limits.check("logout", "POST", user, IP_1);

    assertThat(bothEmpty.headers()).containsEntry("Retry-After", "12");
    assertThat(bothEmpty.headers().get("RateLimit"))
        .isEqualTo("\"auth-ip\";r=0;t=12, \"auth-user\";r=0;t=10");
    assertThat(ipStillEmpty.allowed()).isFalse();
    assertThat(ipStillEmpty.headers()).containsEntry("Retry-After", "2");
  }

  @Test
  void classWithoutIpBucket_letsAnonymousCallersThrough_withoutHeaders() {
    RateLimitDecision anonymous = limits.check("getMyAccount", "GET", ANONYMOUS, IP_1);
    limits.check("getMyAccount", "GET", Optional.of("u-9"), IP_1).orThrow();
    RateLimitDecision second = limits.check("getMyAccount", "GET", Optional.of("u-9"), IP_1);

    assertThat(anonymous.allowed()).isTrue();
    assertThat(anonymous.deciding()).isEmpty();
    assertThat(anonymous.headers()).isEmpty();
    assertThat(second.allowed()).isFalse();
  }

  @Test
  void missingSourceIp_sharesOneBucket_soLimitsStillHold() {
    limits.check("login", "POST", ANONYMOUS, null).orThrow();
    limits.check("login", "POST", ANONYMOUS, " ").orThrow();

    assertThat(limits.check("login", "POST", ANONYMOUS, "").allowed()).isFalse();
  }

  @Test
  void unknownOperation_isLimitedByItsMethodsClass() {
    RateLimitDecision decision = limits.check(null, "DELETE", ANONYMOUS, IP_1);

    assertThat(decision.routeClass()).isEqualTo("write");
  }

  @Test
  void decisions_areCounted_byClassOutcomeAndDimension() {
    for (int i = 0; i < 5; i++) {
      limits.check("login", "POST", ANONYMOUS, IP_1);
    }

    assertThat(count("auth", "allowed", "ip")).isEqualTo(2);
    assertThat(count("auth", "limited", "ip")).isEqualTo(3);
  }

  private double count(String routeClass, String outcome, String dimension) {
    return registry
        .get(EdgeRateLimits.DECISIONS)
        .tag("route_class", routeClass)
        .tag("outcome", outcome)
        .tag("dimension", dimension)
        .counter()
        .count();
  }
}
