package app.stride.auth.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers of the brute-force protection. All counts are failures within {@code window}, counted
 * from the first failure of the window.
 *
 * @param window how long failures are remembered (per account, account+IP and IP)
 * @param account per account: exponential delay from {@code delayAfter} failures, lock at {@code
 *     blockAfter} for {@code blockFor}
 * @param accountIp per account from one IP: the same, stricter, so a single attacking IP is stopped
 *     before the owner is locked out
 * @param baseDelay the first delay; each further failure doubles it
 * @param maxDelay the cap of the exponential delay
 * @param ipFailureLimit failures from one IP (any accounts) that throttle it for the rest of the
 *     window
 * @param reputationAccounts distinct accounts one IP failed against that mark it as credential
 *     stuffing
 * @param reputationBan how long such an IP is throttled
 */
public record ThrottlePolicy(
    Duration window,
    Tier account,
    Tier accountIp,
    Duration baseDelay,
    Duration maxDelay,
    int ipFailureLimit,
    int reputationAccounts,
    Duration reputationBan) {

  /**
   * One progressive rule: a delay from {@code delayAfter} failures, a block from {@code
   * blockAfter}.
   *
   * @param delayAfter failures from which each further attempt waits (1 s, 2 s, 4 s ...)
   * @param blockAfter failures that block (lock) for {@code blockFor}
   * @param blockFor how long the block lasts
   */
  public record Tier(int delayAfter, int blockAfter, Duration blockFor) {

    /** Validates: {@code 1 <= delayAfter <= blockAfter}, positive {@code blockFor}. */
    public Tier {
      Objects.requireNonNull(blockFor, "blockFor");
      if (delayAfter < 1 || blockAfter < delayAfter) {
        throw new IllegalArgumentException("need 1 <= delayAfter <= blockAfter");
      }
      requirePositive(blockFor, "blockFor");
    }
  }

  /** Validates every number. */
  public ThrottlePolicy {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(accountIp, "accountIp");
    requirePositive(window, "window");
    requirePositive(baseDelay, "baseDelay");
    requirePositive(maxDelay, "maxDelay");
    requirePositive(reputationBan, "reputationBan");
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be below baseDelay");
    }
    if (ipFailureLimit < 1 || reputationAccounts < 1) {
      throw new IllegalArgumentException("IP limits must be positive");
    }
  }

  /**
   * Stride's policy: per account a delay after 5 failures (1 s doubling, capped at 60 s) and a
   * 15-minute lock at 10 failures in 15 minutes; per account+IP a delay after 3 and a 15-minute
   * block at 5; per IP 100 failures in 15 minutes; an IP failing against 20 distinct accounts in 15
   * minutes is throttled for an hour.
   */
  public static ThrottlePolicy standard() {
    Duration fifteenMinutes = Duration.ofMinutes(15);
    return new ThrottlePolicy(
        fifteenMinutes,
        new Tier(5, 10, fifteenMinutes),
        new Tier(3, 5, fifteenMinutes),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        100,
        20,
        Duration.ofHours(1));
  }

  /**
   * The delay after the {@code failures}-th failure under {@code tier}: zero below {@code
   * delayAfter}, then {@code baseDelay * 2^(failures - delayAfter)} capped at {@code maxDelay}.
   */
  public Duration delayAfter(Tier tier, long failures) {
    if (failures < tier.delayAfter()) {
      return Duration.ZERO;
    }
    long doublings = Math.min(failures - tier.delayAfter(), 40);
    Duration delay = baseDelay;
    for (long i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
