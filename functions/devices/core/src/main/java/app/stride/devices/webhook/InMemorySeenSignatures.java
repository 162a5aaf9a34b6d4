package app.stride.devices.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, in-memory {@link SeenSignatures}: keys expire after the window, and the oldest are
 * evicted beyond the capacity (a flood of distinct authentic requests cannot exhaust memory; it can
 * only shorten how long a replay is recognised, which the idempotency key covers anyway).
 */
public final class InMemorySeenSignatures implements SeenSignatures {
  private final int capacity;
  private final Duration window;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  /**
   * @param capacity the most keys kept
   * @param window how long a key is remembered
   */
  public InMemorySeenSignatures(int capacity, Duration window) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.capacity = capacity;
    this.window = window;
  }

  /** 10,000 keys for 15 minutes. */
  public static InMemorySeenSignatures defaults() {
    return new InMemorySeenSignatures(10_000, Duration.ofMinutes(15));
  }

  @Override
  public synchronized boolean firstSeen(String key, Instant now) {
    expire(now);
    Instant at = seen.get(key);
    if (at != null) {
      return false;
    }
    seen.put(key, now);
    while (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  @Override
  public synchronized void forget(String key) {
    seen.remove(key);
  }

  /** How many keys are remembered now (for tests and metrics). */
  public synchronized int size() {
    return seen.size();
  }

  private void expire(Instant now) {
    Instant horizon = now.minus(window);
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Instant> entry = entries.next();
      if (entry.getValue().isAfter(horizon)) {
        break; // insertion order is time order: the rest are younger
      }
      entries.remove();
    }
  }
}
