package app.stride.edge.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DependencyPolicyTest {
  private static final BreakerPolicy BREAKER = DependencyPolicy.thirdPartyApi("x").breaker();

  @ParameterizedTest
  @EnumSource(DependencyKind.class)
  void everyKind_hasDefaultsThatPassValidation_andKeepTheName(DependencyKind kind) {
    DependencyPolicy policy = kind.policyFor("payments");

    assertThat(policy.name()).isEqualTo("payments");
    assertThat(policy.breaker().slowCallDuration()).isLessThan(policy.callTimeout());
    assertThat(policy.breaker().minimumCalls()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void defaults_giveADataStoreLessTimeThanAnotherRegion_andAnotherRegionLessThanAThirdParty() {
    Duration store = DependencyPolicy.dataStore("dynamodb").callTimeout();
    Duration region = DependencyPolicy.otherRegionApi("eu-api").callTimeout();
    Duration thirdParty = DependencyPolicy.thirdPartyApi("stripe").callTimeout();

    assertThat(store).isLessThan(region);
    assertThat(region).isLessThan(thirdParty);
  }

  @Test
  void otherRegionDefault_leavesTheDirectoryClientsOwnTimeoutToAnswerFirst() {
    assertThat(DependencyPolicy.otherRegionApi("directory").callTimeout())
        .isGreaterThan(
            Duration.ofMillis(app.stride.core.directory.http.HttpDirectory.REQUEST_TIMEOUT_MILLIS));
  }

  @Test
  void withers_changeOnlyWhatTheyName() {
    DependencyPolicy base = DependencyPolicy.thirdPartyApi("stripe");

    DependencyPolicy changed =
        base.withCallTimeout(Duration.ofSeconds(8))
            .withBreaker(
                base.breaker().withMinimumCalls(3).withWaitInOpenState(Duration.ofSeconds(1)))
            .withBulkhead(new BulkheadPolicy(2, Duration.ZERO));

    assertThat(changed.callTimeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(changed.breaker().minimumCalls()).isEqualTo(3);
    assertThat(changed.breaker().waitInOpenState()).isEqualTo(Duration.ofSeconds(1));
    assertThat(changed.breaker().slidingWindow()).isEqualTo(base.breaker().slidingWindow());
    assertThat(changed.bulkhead().maxConcurrentCalls()).isEqualTo(2);
    assertThat(base.callTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Stripe", "1st", "has space", "under_score", "dash-at-end-ok-but-{"})
  void name_mustBeALowerCaseTag(String name) {
    assertThatThrownBy(() -> DependencyPolicy.thirdPartyApi(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void callTimeout_mustBePositive_andCoverTheSlowCallDuration() {
    DependencyPolicy base = DependencyPolicy.thirdPartyApi("stripe");

    assertThatThrownBy(() -> base.withCallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withCallTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withCallTimeout(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slowCallDuration");
  }

  @ParameterizedTest
  @ValueSource(floats = {0f, -5f, 100.5f, Float.NaN})
  void thresholds_mustBePercentages(float percent) {
    assertThatThrownBy(() -> BREAKER.withFailureRateThreshold(percent))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BREAKER.withSlowCalls(Duration.ofSeconds(1), percent))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slidingWindow_isWholeSeconds_atLeastOne() {
    assertThatThrownBy(() -> BREAKER.withSlidingWindow(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BREAKER.withSlidingWindow(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BREAKER.withSlidingWindow(Duration.ofSeconds(2)).slidingWindow())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void counts_andWaits_mustBePositive() {
    assertThatThrownBy(() -> BREAKER.withMinimumCalls(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BREAKER.withPermittedCallsInHalfOpen(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BREAKER.withWaitInOpenState(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BREAKER.withSlowCalls(null, 50))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void bulkhead_needsOneSlot_andANonNegativeWait() {
    assertThatThrownBy(() -> new BulkheadPolicy(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BulkheadPolicy(1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new BulkheadPolicy(1, Duration.ZERO).maxWait()).isZero();
  }
}
