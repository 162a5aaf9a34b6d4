package app.stride.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link AttemptCounters} in this process: for local runs, tests, and as the fallback while Redis
 * is unreachable. Thread-safe (each operation runs atomically per key); windows and holds expire by
 * the injected clock. Expired entries are dropped lazily and by a sweep every {@value #SWEEP_EVERY}
 * writes, so memory follows the live windows.
 */
public final class InMemoryAttemptCounters implements AttemptCounters {

  static final int SWEEP_EVERY = 1024;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger writesSinceSweep = new AtomicInteger();
  private final Clock clock;

  /**
   * @param clock the time windows and holds expire by
   */
  public InMemoryAttemptCounters(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long increment(String key, Duration window) {
    long windowMillis = positiveMillis(window);
    long now = clock.millis();
    long[] count = new long[1];
    entries.compute(
        requireKey(key),
        (k, entry) -> {
          Entry live = entry == null || entry.expired(now) ? new Entry(now + windowMillis) : entry;
          count[0] = ++live.count;
          return live;
        });
    afterWrite(now);
    return count[0];
  }

  @Override
  public long get(String key) {
    Entry entry = live(requireKey(key));
    return entry == null ? 0 : entry.count;
  }

  @Override
  public long addDistinct(String key, String member, Duration window) {
    Objects.requireNonNull(member, "member");
    long windowMillis = positiveMillis(window);
    long now = clock.millis();
    long[] size = new long[1];
    entries.compute(
        requireKey(key),
        (k, entry) -> {
          Entry live = entry == null || entry.expired(now) ? new Entry(now + windowMillis) : entry;
          if (live.members == null) {
            live.members = new HashSet<>();
          }
          live.members.add(member);
          size[0] = live.members.size();
          return live;
        });
    afterWrite(now);
    return size[0];
  }

  @Override
  public void reset(String key) {
    entries.remove(requireKey(key));
  }

  @Override
  public boolean hold(String key, Duration duration) {
    long now = clock.millis();
    long until = now + positiveMillis(duration);
    boolean[] started = new boolean[1];
    entries.compute(
        requireKey(key),
        (k, entry) -> {
          if (entry == null || entry.expired(now)) {
            started[0] = true;
            return new Entry(until);
          }
          entry.expiresAtMillis = Math.max(entry.expiresAtMillis, until);
          return entry;
        });
    afterWrite(now);
    return started[0];
  }

  @Override
  public Duration remaining(String key) {
    long now = clock.millis();
    long[] left = new long[1];
    entries.computeIfPresent(
        requireKey(key),
        (k, entry) -> {
          if (entry.expired(now)) {
            return null;
          }
          left[0] = entry.expiresAtMillis - now;
          return entry;
        });
    return Duration.ofMillis(left[0]);
  }

  /** Live keys (expired ones not yet swept may be included); for tests and metrics. */
  int size() {
    return entries.size();
  }

  private Entry live(String key) {
    long now = clock.millis();
    Entry[] found = new Entry[1];
    entries.computeIfPresent(
        key,
        (k, entry) -> {
          if (entry.expired(now)) {
            return null;
          }
          found[0] = entry.snapshot();
          return entry;
        });
    return found[0];
  }

  private void afterWrite(long now) {
    if (writesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      writesSinceSweep.set(0);
      entries.forEach(
          (key, ignored) ->
              entries.computeIfPresent(key, (k, entry) -> entry.expired(now) ? null : entry));
    }
  }

  private static String requireKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    return key;
  }

  private static long positiveMillis(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    long millis = duration.toMillis();
    if (millis < 1) {
      throw new IllegalArgumentException("duration must be at least 1 ms");
    }
    return millis;
  }

  /** Mutable, but only ever touched inside the map's per-key compute functions. */
  private static final class Entry {
    long expiresAtMillis;
    long count;
    Set<String> members;

    Entry(long expiresAtMillis) {
      this.expiresAtMillis = expiresAtMillis;
    }

    boolean expired(long now) {
      return now >= expiresAtMillis;
    }

    Entry snapshot() {
      Entry copy = new Entry(expiresAtMillis);
      copy.count = count;
      return copy;
    }
  }
}
