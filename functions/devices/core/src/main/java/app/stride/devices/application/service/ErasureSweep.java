package app.stride.devices.application.service;

import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.service.UserDataEraser.Erasure;
import app.stride.devices.application.service.UserDataEraser.Status;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The erasure's follow-up: every {@link #EVERY} it sweeps again ({@link UserDataEraser#sweep}) each
 * account erased in this region within the last {@link #WINDOW}, for what can still land after the
 * erasure and the writes' own check after writing ({@link ErasedGuard}):
 *
 * <ul>
 *   <li>a request whose sweep failed (a store down just then) answered 503, and what it wrote
 *       stayed: the client's retry is refused by the first check, which does not sweep;
 *   <li>an object put through an upload URL signed before the erasure (valid 15 minutes) after the
 *       eraser listed the user's folder: no completion is accepted for it, but it lies in the
 *       bucket.
 * </ul>
 *
 * Both end within 15 minutes of the erasure (an access token's and an upload URL's lifetime) plus
 * an upload's duration; with a tick every 15 minutes and a window of an hour, every account is
 * swept three or four times, the last at least 45 minutes after its erasure. A sweep is idempotent
 * and finds nothing in the usual case.
 *
 * <p>One account's failure does not stop the others: the tick goes on and then fails with the first
 * failure (the others suppressed on it), so the scheduled function's errors alarm and the next tick
 * sweeps that account again. The log line holds counts only, never a user id.
 */
public final class ErasureSweep implements Consumer<ScheduledTick> {
  private static final Logger log = LoggerFactory.getLogger(ErasureSweep.class);

  /** How often infra runs the sweep in each region. */
  public static final Duration EVERY = Duration.ofMinutes(15);

  /** How far back a tick looks for erased accounts. */
  public static final Duration WINDOW = Duration.ofHours(1);

  /**
   * The most accounts one tick sweeps, newest first (the oldest in the window were swept by the
   * previous ticks already); a tick that reaches it says so in its log line.
   */
  public static final int LIMIT = 1_000;

  private final ErasedAccounts erased;
  private final UserDataEraser eraser;
  private final Clock clock;

  public ErasureSweep(ErasedAccounts erased, UserDataEraser eraser, Clock clock) {
    this.erased = Objects.requireNonNull(erased, "erased");
    this.eraser = Objects.requireNonNull(eraser, "eraser");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Sweeps the accounts erased within the {@link #WINDOW} before now.
   *
   * @throws RuntimeException the first account's failure, after every other account was swept
   */
  @Override
  public void accept(ScheduledTick tick) {
    List<UserId> accounts = erased.erasedSince(clock.instant().minus(WINDOW), LIMIT);
    int found = 0;
    int failed = 0;
    RuntimeException failure = null;
    for (UserId account : accounts) {
      try {
        Erasure erasure = eraser.sweep(account);
        if (erasure.status() == Status.ERASED) {
          found++;
        }
      } catch (RuntimeException e) {
        failed++;
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    log.info(
        "schedule={} tick={} accounts={} limitReached={} leftoversRemoved={} failed={}",
        tick.schedule(),
        tick.id(),
        accounts.size(),
        accounts.size() >= LIMIT,
        found,
        failed);
    if (failure != null) {
      throw failure;
    }
  }
}
