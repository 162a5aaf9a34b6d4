package app.stride.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AttemptCounters} that count in a shared store (Redis) and, whenever it fails, in this
 * process instead, so a Redis outage weakens brute-force protection to per-instance limits rather
 * than switching it off.
 *
 * <p>Every operation goes to the primary first; any exception it throws switches to {@link
 * #degraded()} and the operation is answered by the in-process counters. While degraded, the
 * primary is tried again at most once per {@code retryInterval} (so an outage does not cost a
 * timeout per call); the first success ends the degraded state. Each transition writes one WARN
 * line, naming neither keys nor members.
 *
 * <p>After an outage the in-process counts are not thrown away: counts add up ({@code increment},
 * {@code get}), holds last as long as the longer of the two ({@code remaining}, {@code hold}), so a
 * lock started during the outage still holds afterwards. Distinct sets restart in the primary.
 * Validation errors ({@link IllegalArgumentException}, {@link NullPointerException}) are raised
 * before the primary is called and never count as an outage.
 */
public final class FallbackAttemptCounters implements AttemptCounters {

  /** How often a degraded instance tries the primary again, by default. */
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

  private final AttemptCounters primary;
  private final AttemptCounters fallback;
  private final Clock clock;
  private final long retryIntervalMillis;
  private final Logger log;
  private final AtomicBoolean degraded = new AtomicBoolean();
  private volatile long nextRetryMillis;

  /**
   * Primary first, {@link InMemoryAttemptCounters} on {@code clock} as the fallback, retrying the
   * primary every {@link #DEFAULT_RETRY_INTERVAL} while degraded.
   */
  public FallbackAttemptCounters(AttemptCounters primary, Clock clock) {
    this(
        primary,
        new InMemoryAttemptCounters(clock),
        clock,
        DEFAULT_RETRY_INTERVAL,
        LoggerFactory.getLogger(FallbackAttemptCounters.class));
  }

  /**
   * @param primary the shared store (Redis)
   * @param fallback the counters used while the primary fails (in-process)
   * @param clock when to retry the primary
   * @param retryInterval how long a degraded instance waits before trying the primary again (zero:
   *     every call)
   * @param log where the two transition lines go
   */
  public FallbackAttemptCounters(
      AttemptCounters primary,
      AttemptCounters fallback,
      Clock clock,
      Duration retryInterval,
      Logger log) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryIntervalMillis = Objects.requireNonNull(retryInterval, "retryInterval").toMillis();
    if (retryIntervalMillis < 0) {
      throw new IllegalArgumentException("retryInterval must not be negative");
    }
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Whether counting currently happens in this process because the primary failed. */
  public boolean degraded() {
    return degraded.get();
  }

  @Override
  public long increment(String key, Duration window) {
    validate(key, window);
    Long counted = fromPrimary(() -> primary.increment(key, window));
    return counted != null ? counted + fallback.get(key) : fallback.increment(key, window);
  }

  @Override
  public long get(String key) {
    validate(key);
    Long counted = fromPrimary(() -> primary.get(key));
    return counted != null ? counted + fallback.get(key) : fallback.get(key);
  }

  @Override
  public long addDistinct(String key, String member, Duration window) {
    validate(key, window);
    Objects.requireNonNull(member, "member");
    Long size = fromPrimary(() -> primary.addDistinct(key, member, window));
    return size != null ? size : fallback.addDistinct(key, member, window);
  }

  @Override
  public void reset(String key) {
    validate(key);
    fallback.reset(key);
    fromPrimary(
        () -> {
          primary.reset(key);
          return Boolean.TRUE;
        });
  }

  @Override
  public boolean hold(String key, Duration duration) {
    validate(key, duration);
    Boolean started = fromPrimary(() -> primary.hold(key, duration));
    if (started == null) {
      return fallback.hold(key, duration);
    }
    return started && fallback.remaining(key).isZero();
  }

  @Override
  public Duration remaining(String key) {
    validate(key);
    Duration inFallback = fallback.remaining(key);
    Duration inPrimary = fromPrimary(() -> primary.remaining(key));
    return inPrimary != null && inPrimary.compareTo(inFallback) > 0 ? inPrimary : inFallback;
  }

  /** The primary's answer, or null when it failed or is not due to be retried yet. */
  private <T> T fromPrimary(Supplier<T> call) {
    if (degraded.get() && clock.millis() < nextRetryMillis) {
      return null;
    }
    try {
      T result = call.get();
      if (degraded.compareAndSet(true, false)) {
        log.warn("Login throttle counters: the shared store answers again; counting there");
      }
      return result;
    } catch (RuntimeException e) {
      nextRetryMillis = clock.millis() + retryIntervalMillis;
      if (degraded.compareAndSet(false, true)) {
        log.warn(
            "Login throttle counters: the shared store failed ({}); counting in this process"
                + " until it answers again",
            describe(e));
      }
      return null;
    }
  }

  /** Exception class names only: store messages could quote a key. */
  private static String describe(RuntimeException e) {
    Throwable cause = e.getCause();
    return cause == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " caused by " + cause.getClass().getSimpleName();
  }

  private static void validate(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }

  private static void validate(String key, Duration duration) {
    validate(key);
    Objects.requireNonNull(duration, "duration");
    if (duration.toMillis() < 1) {
      throw new IllegalArgumentException("duration must be at least 1 ms");
    }
  }
}
