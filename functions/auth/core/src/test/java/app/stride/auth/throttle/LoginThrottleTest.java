package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule of the standard policy against the attack it stops, on in-process counters. */
class LoginThrottleTest {

  private static final String VICTIM = "dk1-victim-account-hash";
  private static final String OWNER_IP = "192.0.2.10";
  private static final String ATTACKER_IP = "203.0.113.66";

  private final MutableClock clock = new MutableClock();
  private final InMemoryAttemptCounters counters = new InMemoryAttemptCounters(clock);
  private LoginThrottle throttle = new LoginThrottle(counters, ThrottlePolicy.standard(), clock);
  private ExecutorService pool;

  @AfterEach
  void stopPool() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void accountDelay_startsAfterFiveFailures_andDoublesFromOneSecond_evenAcrossRotatingIps() {
    for (int i = 1; i <= 5; i++) {
      assertThat(throttle.check(VICTIM, rotatingIp(i)).allowed()).as("attempt %d", i).isTrue();
      throttle.recordFailure(VICTIM, rotatingIp(i));
    }

    ThrottleDecision afterFifth = throttle.check(VICTIM, rotatingIp(6));
    assertThat(afterFifth.allowed()).isFalse();
    assertThat(afterFifth.reason()).isEqualTo(ThrottleDecision.ACCOUNT_DELAY);
    assertThat(afterFifth.retryAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.check(VICTIM, rotatingIp(6)).allowed()).isTrue();
    throttle.recordFailure(VICTIM, rotatingIp(6));
    assertThat(throttle.check(VICTIM, rotatingIp(7)).retryAfter()).isEqualTo(Duration.ofSeconds(2));

    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.check(VICTIM, rotatingIp(7)).allowed()).isTrue();
    throttle.recordFailure(VICTIM, rotatingIp(7));
    assertThat(throttle.check(VICTIM, rotatingIp(8)).retryAfter()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void accountLock_engagesAtTenFailures_forFifteenMinutes_andLockedNowIsTrueExactlyOnce() {
    List<FailureOutcome> outcomes = failUntilLocked(VICTIM);

    assertThat(outcomes).hasSize(10);
    assertThat(outcomes).filteredOn(FailureOutcome::lockedNow).hasSize(1);
    assertThat(outcomes.get(9).lockedNow()).isTrue();
    assertThat(outcomes.get(9).lockedFor()).isEqualTo(Duration.ofMinutes(15));
    FailureOutcome straggler = throttle.recordFailure(VICTIM, rotatingIp(99));
    assertThat(straggler.lockedNow()).as("a failure already in flight").isFalse();
    assertThat(straggler.lockedFor()).isEqualTo(Duration.ofMinutes(15));

    ThrottleDecision fromCleanIp = throttle.check(VICTIM, OWNER_IP);
    assertThat(fromCleanIp.allowed()).isFalse();
    assertThat(fromCleanIp.reason()).isEqualTo(ThrottleDecision.ACCOUNT_LOCKED);
    assertThat(fromCleanIp.retryAfter()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void accountLock_expiresAfterFifteenMinutes_andTheNextFailureStartsAfresh() {
    failUntilLocked(VICTIM);

    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    ThrottleDecision lastSecond = throttle.check(VICTIM, OWNER_IP);
    assertThat(lastSecond.reason()).isEqualTo(ThrottleDecision.ACCOUNT_LOCKED);
    assertThat(lastSecond.retryAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.check(VICTIM, rotatingIp(50)).allowed()).isTrue();
    FailureOutcome first = throttle.recordFailure(VICTIM, rotatingIp(50));
    assertThat(first.lockedNow()).isFalse();
    assertThat(throttle.check(VICTIM, rotatingIp(51)).allowed()).as("no delay left over").isTrue();
  }

  @Test
  void accountIp_delaysOneAttackingIpAfterThree_andBlocksItAfterFive_whileTheOwnerStillLogsIn() {
    failFromAttackerIp(3);

    ThrottleDecision attacker = throttle.check(VICTIM, ATTACKER_IP);
    assertThat(attacker.reason()).isEqualTo(ThrottleDecision.ACCOUNT_IP);
    assertThat(attacker.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ownerLogsIn()).as("owner from a clean IP, right away").isTrue();

    failFromAttackerIp(2);

    ThrottleDecision blocked = throttle.check(VICTIM, ATTACKER_IP);
    assertThat(blocked.reason()).isEqualTo(ThrottleDecision.ACCOUNT_IP);
    assertThat(blocked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
    assertThat(ownerLogsIn()).as("the account itself is far from its lock").isTrue();
    assertThat(throttle.check(VICTIM, ATTACKER_IP).reason())
        .as("the owner's success does not lift the attacker's block")
        .isEqualTo(ThrottleDecision.ACCOUNT_IP);
  }

  @Test
  void ipLimit_capsPasswordSprayingAtOneHundredFailures() {
    // In the standard policy IP reputation (20 accounts) fires long before; raise it to see this
    // rule, the backstop, on its own.
    ThrottlePolicy standard = ThrottlePolicy.standard();
    throttle = new LoginThrottle(counters, withReputationAccounts(standard, 1_000), clock);

    for (int i = 1; i <= 100; i++) {
      assertThat(throttle.check(account(i), ATTACKER_IP).allowed()).as("spray %d", i).isTrue();
      throttle.recordFailure(account(i), ATTACKER_IP);
      clock.advance(Duration.ofSeconds(1));
    }

    ThrottleDecision next = throttle.check(account(101), ATTACKER_IP);
    assertThat(next.allowed()).isFalse();
    assertThat(next.reason()).isEqualTo(ThrottleDecision.IP);
    assertThat(next.retryAfter()).isEqualTo(Duration.ofMinutes(15).minusSeconds(100));
    assertThat(throttle.check(account(101), OWNER_IP).allowed()).isTrue();
  }

  @Test
  void ipReputation_throttlesAnIpThatFailedAgainstTwentyAccounts_forAnHour() {
    for (int i = 1; i <= 19; i++) {
      assertThat(throttle.check(account(i), ATTACKER_IP).allowed()).isTrue();
      throttle.recordFailure(account(i), ATTACKER_IP);
    }
    assertThat(throttle.check(account(20), ATTACKER_IP).allowed()).as("19 accounts").isTrue();
    throttle.recordFailure(account(20), ATTACKER_IP);

    ThrottleDecision stuffing = throttle.check(account(21), ATTACKER_IP);
    assertThat(stuffing.reason()).isEqualTo(ThrottleDecision.IP_REPUTATION);
    assertThat(stuffing.retryAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(throttle.check(account(1), OWNER_IP).allowed()).as("other IPs").isTrue();

    clock.advance(Duration.ofHours(1));
    assertThat(throttle.check(account(21), ATTACKER_IP).allowed()).isTrue();
  }

  @Test
  void ipReputation_isNotClearedByASuccessfulLogin() {
    String attackersOwnAccount = "dk1-attackers-own-account";
    for (int i = 1; i <= 10; i++) {
      throttle.check(account(i), ATTACKER_IP);
      throttle.recordFailure(account(i), ATTACKER_IP);
    }
    assertThat(throttle.check(attackersOwnAccount, ATTACKER_IP).allowed()).isTrue();
    throttle.recordSuccess(attackersOwnAccount, ATTACKER_IP);
    for (int i = 11; i <= 20; i++) {
      throttle.check(account(i), ATTACKER_IP);
      throttle.recordFailure(account(i), ATTACKER_IP);
    }

    assertThat(throttle.check(attackersOwnAccount, ATTACKER_IP).reason())
        .isEqualTo(ThrottleDecision.IP_REPUTATION);
  }

  @Test
  void ipRules_countAWholeIpv6Slash64AsOneIp() {
    for (int i = 1; i <= 20; i++) {
      String rotated = "2001:db8:1:2:" + Integer.toHexString(i) + ":0:0:" + Integer.toHexString(i);
      assertThat(throttle.check(account(i), rotated).allowed()).isTrue();
      throttle.recordFailure(account(i), rotated);
    }

    assertThat(throttle.check(account(21), "2001:db8:1:2:ffff::1").reason())
        .isEqualTo(ThrottleDecision.IP_REPUTATION);
    assertThat(throttle.check(account(21), "2001:db8:1:3::1").allowed()).as("next /64").isTrue();
  }

  @Test
  void recordSuccess_clearsAccountAndAccountIpCounters() {
    for (int i = 1; i <= 4; i++) {
      throttle.check(VICTIM, OWNER_IP);
      throttle.recordFailure(VICTIM, OWNER_IP);
      clock.advance(Duration.ofSeconds(3));
    }
    assertThat(throttle.check(VICTIM, OWNER_IP).allowed()).isTrue();
    throttle.recordSuccess(VICTIM, OWNER_IP);

    for (int i = 1; i <= 2; i++) {
      assertThat(throttle.check(VICTIM, OWNER_IP).allowed()).as("fresh %d", i).isTrue();
      throttle.recordFailure(VICTIM, OWNER_IP);
    }
    assertThat(throttle.check(VICTIM, OWNER_IP).allowed())
        .as("third failure of a fresh run")
        .isTrue();
  }

  @Test
  void recordSuccess_liftsALock_forTheOwnerWhoResetTheirPassword() {
    failUntilLocked(VICTIM);

    throttle.recordSuccess(VICTIM, OWNER_IP);

    assertThat(throttle.check(VICTIM, OWNER_IP).allowed()).isTrue();
  }

  @Test
  void refusedChecks_areNotCounted_soHammeringDuringADelayDoesNotLockTheOwnerOut() {
    for (int i = 1; i <= 5; i++) {
      throttle.check(VICTIM, rotatingIp(i));
      throttle.recordFailure(VICTIM, rotatingIp(i));
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(throttle.check(VICTIM, rotatingIp(i % 40)).allowed()).isFalse();
    }

    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.check(VICTIM, OWNER_IP).allowed()).isTrue();
    FailureOutcome sixth = throttle.recordFailure(VICTIM, OWNER_IP);
    assertThat(sixth.lockedNow()).isFalse();
    assertThat(throttle.check(VICTIM, OWNER_IP).retryAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfter_isRoundedUpToWholeSeconds_andNeverBelowOne() {
    for (int i = 1; i <= 6; i++) {
      throttle.check(VICTIM, rotatingIp(i));
      throttle.recordFailure(VICTIM, rotatingIp(i));
      clock.advance(Duration.ofSeconds(1));
    }
    // 6th failure one second ago: a 2 s delay, 1 s left.
    clock.advance(Duration.ofMillis(10));

    assertThat(throttle.check(VICTIM, OWNER_IP).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ThrottleDecision.refuse(Duration.ofMillis(1001), ThrottleDecision.IP).retryAfter())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(ThrottleDecision.refuse(Duration.ZERO, ThrottleDecision.IP).retryAfterSeconds())
        .isEqualTo(1);
    assertThat(ThrottleDecision.allow().retryAfter()).isZero();
    assertThatThrownBy(
            () -> new ThrottleDecision(false, Duration.ofMillis(1500), ThrottleDecision.IP))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentAttempts_neverRunMorePasswordChecksThanTheLockAllows() throws Exception {
    int threads = 64;
    pool = Executors.newFixedThreadPool(threads);
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger lockedNow = new AtomicInteger();
    ConcurrentHashMap<String, AtomicInteger> admittedPerIp = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String ip = rotatingIp(t % 8);
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                  if (throttle.check(VICTIM, ip).allowed()) {
                    admitted.incrementAndGet();
                    admittedPerIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
                    if (throttle.recordFailure(VICTIM, ip).lockedNow()) {
                      lockedNow.incrementAndGet();
                    }
                  }
                  clock.advance(Duration.ofMillis(10));
                }
                return null;
              }));
    }
    start.countDown();
    for (var future : done) {
      future.get(30, TimeUnit.SECONDS);
    }

    assertThat(admitted.get()).isEqualTo(10);
    assertThat(lockedNow.get()).isEqualTo(1);
    assertThat(admittedPerIp.values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(5));
  }

  @Test
  void check_rejectsABlankAccountKey_withoutEchoingIt() {
    assertThatThrownBy(() -> throttle.check(" ", OWNER_IP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(OWNER_IP);
  }

  /** Fails from rotating IPs, waiting out every delay, until the account locks. */
  private List<FailureOutcome> failUntilLocked(String account) {
    List<FailureOutcome> outcomes = new ArrayList<>();
    for (int i = 1; outcomes.isEmpty() || !outcomes.get(outcomes.size() - 1).lockedNow(); i++) {
      ThrottleDecision decision = throttle.check(account, rotatingIp(i));
      if (decision.allowed()) {
        outcomes.add(throttle.recordFailure(account, rotatingIp(i)));
      } else {
        assertThat(decision.reason()).isEqualTo(ThrottleDecision.ACCOUNT_DELAY);
        clock.advance(decision.retryAfter());
      }
      assertThat(i).as("attempts before the lock").isLessThan(100);
    }
    return outcomes;
  }

  /** The attacker's IP fails {@code times} against the victim, waiting out its delays. */
  private void failFromAttackerIp(int times) {
    for (int failed = 0; failed < times; ) {
      ThrottleDecision decision = throttle.check(VICTIM, ATTACKER_IP);
      if (decision.allowed()) {
        throttle.recordFailure(VICTIM, ATTACKER_IP);
        failed++;
      } else {
        clock.advance(decision.retryAfter());
      }
    }
  }

  private boolean ownerLogsIn() {
    if (!throttle.check(VICTIM, OWNER_IP).allowed()) {
      return false;
    }
    throttle.recordSuccess(VICTIM, OWNER_IP);
    return true;
  }

  private static ThrottlePolicy withReputationAccounts(ThrottlePolicy p, int accounts) {
    return new ThrottlePolicy(
        p.window(),
        p.account(),
        p.accountIp(),
        p.baseDelay(),
        p.maxDelay(),
        p.ipFailureLimit(),
        accounts,
        p.reputationBan());
  }

  private static String account(int n) {
    return "dk1-account-hash-" + n;
  }

  private static String rotatingIp(int n) {
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }
}
