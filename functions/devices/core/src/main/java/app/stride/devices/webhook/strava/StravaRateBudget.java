package app.stride.devices.webhook.strava;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strava's application rate limits as pure logic: a 15-minute window that resets at 0, 15, 30 and
 * 45 minutes past the hour and a daily window that resets at midnight UTC. Limits start at the
 * defaults (200 per 15 minutes, 2,000 per day) and follow {@code X-RateLimit-Limit} / {@code
 * X-RateLimit-Usage} ({@code "<15-min>,<daily>"}) once a response shows them; the read limits
 * ({@code X-ReadRateLimit-*}), when present, bind too. Thread-safe; one instance per application
 * and process (usage from the headers keeps instances in step).
 *
 * <p>With a {@link SharedCallCounter} the application's limits are also counted across every
 * instance of the region: a pull counts in the region's day and quarter windows, each up to the
 * region's {@code share} of the current limit (e.g. a third with three regions), before it runs.
 * The headers alone keep instances in step only after each one's next answer; the shared counters
 * hold however many instances pull at once. The quarter is counted first, then the day; a full
 * shared window is remembered here as spent until it ends (no further store call for it), and a
 * quarter counted for a pull whose day is full stays counted (harmless: nothing runs until
 * midnight).
 */
public final class StravaRateBudget {
  /** The documented defaults. */
  public static final int DEFAULT_PER_15_MINUTES = 200;

  public static final int DEFAULT_PER_DAY = 2_000;

  private static final Duration QUARTER = Duration.ofMinutes(15);

  /** How long a shared window's counter is kept after the window ends. */
  static final Duration SHARED_KEPT = Duration.ofHours(1);

  private final Window overall;
  private final Window read = new Window(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private final SharedCallCounter shared;
  private final double share;

  /** A budget with the documented defaults, this process's alone. */
  public StravaRateBudget() {
    this(DEFAULT_PER_15_MINUTES, DEFAULT_PER_DAY);
  }

  /** This process's budget alone. */
  public StravaRateBudget(int per15Minutes, int perDay) {
    this(per15Minutes, perDay, null, 1.0);
  }

  /**
   * A budget with the documented defaults that also counts in the region's {@code shared} windows,
   * up to {@code share} of each limit.
   */
  public static StravaRateBudget shared(SharedCallCounter shared, double share) {
    return new StravaRateBudget(
        DEFAULT_PER_15_MINUTES, DEFAULT_PER_DAY, Objects.requireNonNull(shared, "shared"), share);
  }

  StravaRateBudget(int per15Minutes, int perDay, SharedCallCounter shared, double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }
    this.overall = new Window(per15Minutes, perDay);
    this.shared = shared;
    this.share = share;
  }

  /** Whether a pull may run now, or until when it must wait. */
  public sealed interface Decision permits Decision.Allowed, Decision.Wait {
    /** The pull may run; it has been counted. */
    record Allowed() implements Decision {}

    /**
     * The pull must wait.
     *
     * @param until the first instant it may run
     */
    record Wait(Instant until) implements Decision {}
  }

  /**
   * Takes one request from the budget if every window has room (this process's, and the region's
   * shared ones when there are); otherwise says until when.
   *
   * @throws app.stride.core.store.StoreUnavailableException when the shared counters cannot be
   *     reached (nothing is taken)
   */
  public Decision tryAcquire(Instant now) {
    int perQuarter;
    int perDay;
    synchronized (this) {
      Optional<Instant> wait = max(overall.waitUntil(now), read.waitUntil(now));
      if (wait.isPresent()) {
        return new Decision.Wait(wait.get());
      }
      perQuarter = overall.limitQuarter;
      perDay = overall.limitDay;
    }
    if (shared != null) {
      Instant quarterEnd = quarterStart(now).plus(QUARTER);
      if (!shared.tryCount(
          "strava:quarter:" + quarterStart(now),
          regionShare(perQuarter),
          quarterEnd.plus(SHARED_KEPT))) {
        synchronized (this) {
          overall.exhaustQuarter(now);
        }
        return new Decision.Wait(quarterEnd);
      }
      Instant midnight = nextMidnight(now);
      if (!shared.tryCount(
          "strava:day:" + LocalDate.ofInstant(now, ZoneOffset.UTC),
          regionShare(perDay),
          midnight.plus(SHARED_KEPT))) {
        synchronized (this) {
          overall.exhaustDay(now);
        }
        return new Decision.Wait(midnight);
      }
    }
    synchronized (this) {
      overall.count(now);
      read.count(now);
    }
    return new Decision.Allowed();
  }

  /** The region's part of {@code limit}: at least one call. */
  int regionShare(int limit) {
    return Math.max(1, (int) Math.floor(limit * share));
  }

  /**
   * Updates limits and usage from a Strava response's headers.
   *
   * @param header looks a header up by name (case-insensitively), {@code null} when absent
   */
  public synchronized void observe(Function<String, String> header, Instant now) {
    overall.observe(header.apply("X-RateLimit-Limit"), header.apply("X-RateLimit-Usage"), now);
    read.observe(header.apply("X-ReadRateLimit-Limit"), header.apply("X-ReadRateLimit-Usage"), now);
  }

  /** A 429 from Strava: nothing more until the current 15-minute window ends. */
  public synchronized void rateLimited(Instant now) {
    overall.exhaustQuarter(now);
  }

  private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  /** The start of the 15-minute window holding {@code now}. */
  static Instant quarterStart(Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    long quarters = Duration.between(hour, now).toMinutes() / 15;
    return hour.plus(QUARTER.multipliedBy(quarters));
  }

  static Instant nextMidnight(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC)
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private static final class Window {
    private int limitQuarter;
    private int limitDay;
    private int usedQuarter;
    private int usedDay;
    private Instant quarter = Instant.EPOCH;
    private LocalDate day = LocalDate.EPOCH;

    Window(int limitQuarter, int limitDay) {
      if (limitQuarter <= 0 || limitDay <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
      this.limitQuarter = limitQuarter;
      this.limitDay = limitDay;
    }

    Optional<Instant> waitUntil(Instant now) {
      roll(now);
      if (usedDay >= limitDay) {
        return Optional.of(nextMidnight(now));
      }
      if (usedQuarter >= limitQuarter) {
        return Optional.of(quarter.plus(QUARTER));
      }
      return Optional.empty();
    }

    void count(Instant now) {
      roll(now);
      usedQuarter++;
      usedDay++;
    }

    void observe(String limits, String usage, Instant now) {
      roll(now);
      int[] parsedLimits = pair(limits);
      if (parsedLimits != null && parsedLimits[0] > 0 && parsedLimits[1] > 0) {
        limitQuarter = parsedLimits[0];
        limitDay = parsedLimits[1];
      }
      int[] parsedUsage = pair(usage);
      if (parsedUsage != null) {
        usedQuarter = Math.max(usedQuarter, parsedUsage[0]);
        usedDay = Math.max(usedDay, parsedUsage[1]);
      }
    }

    void exhaustQuarter(Instant now) {
      roll(now);
      usedQuarter = Math.max(usedQuarter, limitQuarter);
    }

    void exhaustDay(Instant now) {
      roll(now);
      usedDay = Math.max(usedDay, limitDay);
    }

    private void roll(Instant now) {
      Instant currentQuarter = quarterStart(now);
      if (!currentQuarter.equals(quarter)) {
        quarter = currentQuarter;
        usedQuarter = 0;
      }
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      if (!today.equals(day)) {
        day = today;
        usedDay = 0;
      }
    }

    private static int[] pair(String header) {
      if (header == null) {
        return null;
      }
      String[] parts = header.split(",");
      if (parts.length != 2) {
        return null;
      }
      try {
        int first = Integer.parseInt(parts[0].strip());
        int second = Integer.parseInt(parts[1].strip());
        return first < 0 || second < 0 ? null : new int[] {first, second};
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
