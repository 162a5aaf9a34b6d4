package app.stride.auth.throttle;

import static app.stride.auth.throttle.ThrottleKeys.accountAttempts;
import static app.stride.auth.throttle.ThrottleKeys.accountDelay;
import static app.stride.auth.throttle.ThrottleKeys.accountIpAttempts;
import static app.stride.auth.throttle.ThrottleKeys.accountIpBlock;
import static app.stride.auth.throttle.ThrottleKeys.accountIpDelay;
import static app.stride.auth.throttle.ThrottleKeys.accountLock;
import static app.stride.auth.throttle.ThrottleKeys.ipAccounts;
import static app.stride.auth.throttle.ThrottleKeys.ipFailures;
import static app.stride.auth.throttle.ThrottleKeys.ipReputation;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Brute-force protection of the login: decides before each password check whether it may run, and
 * learns from its outcome. Rules (numbers in {@link ThrottlePolicy}):
 *
 * <ul>
 *   <li>per account: exponential delay, then a lock (the caller mails the owner when {@link
 *       FailureOutcome#lockedNow()});
 *   <li>per account and IP: the same, stricter, so one attacking IP is stopped before the owner is
 *       locked out;
 *   <li>per IP: a cap on failures against any accounts;
 *   <li>IP reputation: an IP that failed against many distinct accounts is throttled for longer
 *       (credential stuffing). A success does not clear it.
 * </ul>
 *
 * <p><b>Reservation.</b> An allowed {@link #check} reserves the attempt: it counts against the
 * account and account+IP limits right away and stays counted as a failure unless {@link
 * #recordSuccess} clears it. Concurrent requests therefore cannot run more password checks than the
 * policy allows (counting only after the password check would let every request in flight through).
 * So: call {@code check} exactly once per password check, then {@code recordFailure} or {@code
 * recordSuccess} for the same account and IP. Apply it to unknown accounts exactly as to known ones
 * (the account key is a keyed hash either way), so throttling does not reveal which accounts exist.
 *
 * <p>The IP limits count recorded failures (a success does not touch them), so they can be exceeded
 * by the requests in flight from one IP; the account limits cannot.
 *
 * <p>Thread-safe; holds no state besides the counters.
 */
public final class LoginThrottle {

  private static final int MAX_ACCOUNT_KEY_LENGTH = 512;

  private final AttemptCounters counters;
  private final ThrottlePolicy policy;

  /**
   * @param counters where attempts are counted (Redis with in-process fallback in production)
   * @param policy the numbers
   * @param clock accepted for the contract; windows and holds expire by the counters' own time
   *     (Redis server time, or the clock given to {@link InMemoryAttemptCounters})
   */
  public LoginThrottle(AttemptCounters counters, ThrottlePolicy policy, Clock clock) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.policy = Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Before any password check: may this account be tried from this IP now? An allowed decision
   * reserves the attempt (see the type's description). A refusal carries the longest wait among the
   * rules that refuse.
   *
   * @param accountKey the account's keyed hash (never an email)
   * @param ip the client IP as the gateway saw it
   */
  public ThrottleDecision check(String accountKey, String ip) {
    String account = requireAccountKey(accountKey);
    String bucket = ClientIp.bucket(ip);

    Refusal refusal =
        Refusal.NONE
            .orLonger(counters.remaining(accountLock(account)), ThrottleDecision.ACCOUNT_LOCKED)
            .orLonger(counters.remaining(ipReputation(bucket)), ThrottleDecision.IP_REPUTATION)
            .orLonger(
                counters.remaining(accountIpBlock(account, bucket)), ThrottleDecision.ACCOUNT_IP)
            .orLonger(
                counters.remaining(accountIpDelay(account, bucket)), ThrottleDecision.ACCOUNT_IP)
            .orLonger(counters.remaining(accountDelay(account)), ThrottleDecision.ACCOUNT_DELAY);
    if (counters.get(ipFailures(bucket)) >= policy.ipFailureLimit()) {
      refusal =
          refusal.orLonger(
              atLeastOneSecond(counters.remaining(ipFailures(bucket))), ThrottleDecision.IP);
    }
    if (refusal.refuses()) {
      return refusal.decision();
    }
    return reserve(account, bucket);
  }

  /**
   * After a wrong password for an attempt that {@link #check} allowed: feeds the IP rules and
   * starts the delays, blocks and lock the counts call for.
   *
   * @return whether this failure locked the account (true once per lock) and for how long it is
   *     locked
   */
  public FailureOutcome recordFailure(String accountKey, String ip) {
    String account = requireAccountKey(accountKey);
    String bucket = ClientIp.bucket(ip);
    Duration window = policy.window();

    counters.increment(ipFailures(bucket), window);
    long distinctAccounts = counters.addDistinct(ipAccounts(bucket), account, window);
    if (distinctAccounts >= policy.reputationAccounts()) {
      counters.hold(ipReputation(bucket), policy.reputationBan());
    }

    long fromIp = reservedAttempts(accountIpAttempts(account, bucket));
    ThrottlePolicy.Tier accountIp = policy.accountIp();
    if (fromIp >= accountIp.blockAfter()) {
      counters.hold(accountIpBlock(account, bucket), accountIp.blockFor());
    } else {
      holdIfPositive(accountIpDelay(account, bucket), policy.delayAfter(accountIp, fromIp));
    }

    long onAccount = reservedAttempts(accountAttempts(account));
    ThrottlePolicy.Tier tier = policy.account();
    if (onAccount >= tier.blockAfter()) {
      boolean lockedNow = counters.hold(accountLock(account), tier.blockFor());
      Duration lockedFor = lockedNow ? tier.blockFor() : counters.remaining(accountLock(account));
      return new FailureOutcome(lockedNow, lockedFor);
    }
    holdIfPositive(accountDelay(account), policy.delayAfter(tier, onAccount));
    return new FailureOutcome(false, Duration.ZERO);
  }

  /**
   * After a right password: clears what is kept per account (attempts, delay, lock) and per account
   * and this IP. The IP's own failure count and reputation stay.
   */
  public void recordSuccess(String accountKey, String ip) {
    String account = requireAccountKey(accountKey);
    String bucket = ClientIp.bucket(ip);
    counters.reset(accountAttempts(account));
    counters.reset(accountDelay(account));
    counters.reset(accountLock(account));
    counters.reset(accountIpAttempts(account, bucket));
    counters.reset(accountIpDelay(account, bucket));
    counters.reset(accountIpBlock(account, bucket));
  }

  private ThrottleDecision reserve(String account, String bucket) {
    Duration window = policy.window();
    long fromIp = counters.increment(accountIpAttempts(account, bucket), window);
    if (fromIp > policy.accountIp().blockAfter()) {
      Duration wait = counters.remaining(accountIpBlock(account, bucket));
      return ThrottleDecision.refuse(
          wait.isZero() ? policy.accountIp().blockFor() : wait, ThrottleDecision.ACCOUNT_IP);
    }
    long onAccount = counters.increment(accountAttempts(account), window);
    if (onAccount > policy.account().blockAfter()) {
      Duration wait = counters.remaining(accountLock(account));
      return ThrottleDecision.refuse(
          wait.isZero() ? policy.account().blockFor() : wait, ThrottleDecision.ACCOUNT_LOCKED);
    }
    return ThrottleDecision.allow();
  }

  /**
   * The attempts reserved under {@code key}; when the window ended between check and failure, this
   * failure opens the next window.
   */
  private long reservedAttempts(String key) {
    long count = counters.get(key);
    return count > 0 ? count : counters.increment(key, policy.window());
  }

  private void holdIfPositive(String key, Duration duration) {
    if (!duration.isZero()) {
      counters.hold(key, duration);
    }
  }

  private static Duration atLeastOneSecond(Duration wait) {
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }

  private static String requireAccountKey(String accountKey) {
    Objects.requireNonNull(accountKey, "accountKey");
    if (accountKey.isBlank() || accountKey.length() > MAX_ACCOUNT_KEY_LENGTH) {
      throw new IllegalArgumentException("accountKey must be a keyed hash (1-512 characters)");
    }
    return accountKey;
  }

  /** The longest-lasting refusal found so far. */
  private record Refusal(Duration holdsFor, String reason) {

    static final Refusal NONE = new Refusal(Duration.ZERO, ThrottleDecision.ALLOWED);

    Refusal orLonger(Duration otherWait, String otherReason) {
      return otherWait.compareTo(holdsFor) > 0 ? new Refusal(otherWait, otherReason) : this;
    }

    boolean refuses() {
      return !holdsFor.isZero();
    }

    ThrottleDecision decision() {
      return ThrottleDecision.refuse(holdsFor, reason);
    }
  }
}
