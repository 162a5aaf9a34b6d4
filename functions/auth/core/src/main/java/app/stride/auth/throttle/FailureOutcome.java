package app.stride.auth.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link LoginThrottle#recordFailure} answers.
 *
 * @param lockedNow true for exactly one failure per lock: the one that locked the account (the
 *     caller mails the owner then)
 * @param lockedFor how long the account stays locked; zero when it is not locked
 */
public record FailureOutcome(boolean lockedNow, Duration lockedFor) {

  /** Validates: a fresh lock has a positive duration. */
  public FailureOutcome {
    Objects.requireNonNull(lockedFor, "lockedFor");
    if (lockedFor.isNegative() || (lockedNow && lockedFor.isZero())) {
      throw new IllegalArgumentException("a lock needs a positive duration");
    }
  }
}
