package app.stride.auth.throttle;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link LoginThrottle#check} answers before a password check.
 *
 * <p>An allowed decision has {@code retryAfter} zero and reason {@link #ALLOWED}. A refused one has
 * {@code retryAfter} of at least one second in whole seconds (ready for a {@code Retry-After}
 * header) and one of the reasons {@link #ACCOUNT_LOCKED}, {@link #ACCOUNT_DELAY}, {@link #IP},
 * {@link #ACCOUNT_IP}, {@link #IP_REPUTATION}.
 *
 * @param allowed whether the password may be checked now
 * @param retryAfter how long the client should wait before trying again; zero when allowed
 * @param reason a short code, safe to log; {@code "allowed"} when allowed
 */
public record ThrottleDecision(boolean allowed, Duration retryAfter, String reason) {

  /** Reason of an allowed decision. */
  public static final String ALLOWED = "allowed";

  /** The account is locked after too many failures. */
  public static final String ACCOUNT_LOCKED = "account-locked";

  /** The account waits out an exponential delay after repeated failures. */
  public static final String ACCOUNT_DELAY = "account-delay";

  /** The IP has too many failures in the window. */
  public static final String IP = "ip";

  /** This account from this IP has failed too often (delayed or blocked). */
  public static final String ACCOUNT_IP = "account-ip";

  /** The IP failed against too many distinct accounts: credential stuffing. */
  public static final String IP_REPUTATION = "ip-reputation";

  private static final Set<String> REFUSALS =
      Set.of(ACCOUNT_LOCKED, ACCOUNT_DELAY, IP, ACCOUNT_IP, IP_REPUTATION);

  private static final ThrottleDecision ALLOW = new ThrottleDecision(true, Duration.ZERO, ALLOWED);

  /** Validates the combination: see the type's description. */
  public ThrottleDecision {
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(reason, "reason");
    if (allowed) {
      if (!retryAfter.isZero() || !ALLOWED.equals(reason)) {
        throw new IllegalArgumentException("an allowed decision has no retryAfter and no refusal");
      }
    } else {
      if (!REFUSALS.contains(reason)) {
        throw new IllegalArgumentException("unknown refusal reason: " + reason);
      }
      if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.getNano() != 0) {
        throw new IllegalArgumentException("retryAfter must be whole seconds, at least one");
      }
    }
  }

  /** The password may be checked now. */
  public static ThrottleDecision allow() {
    return ALLOW;
  }

  /**
   * A refusal; {@code wait} is rounded up to whole seconds and raised to at least one second.
   *
   * @param wait how long the rule that refused still holds (any precision, may be zero)
   * @param reason one of the refusal reasons
   */
  public static ThrottleDecision refuse(Duration wait, String reason) {
    return new ThrottleDecision(false, wholeSecondsAtLeastOne(wait), reason);
  }

  /** {@code retryAfter} in seconds, for the {@code Retry-After} header; 0 when allowed. */
  public long retryAfterSeconds() {
    return retryAfter.getSeconds();
  }

  static Duration wholeSecondsAtLeastOne(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
