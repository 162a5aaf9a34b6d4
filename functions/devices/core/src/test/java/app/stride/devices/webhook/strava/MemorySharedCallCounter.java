package app.stride.devices.webhook.strava;

import app.stride.core.store.StoreUnavailableException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared call counters in memory for the budget's tests (the stores' are tested on real servers).
 */
final class MemorySharedCallCounter implements SharedCallCounter {
  /** The count of each window. */
  final Map<String, Integer> counts = new TreeMap<>();

  /** The expiry each window was last given. */
  final Map<String, Instant> expiries = new TreeMap<>();

  /** While true, every call fails as an unreachable store does. */
  boolean down;

  @Override
  public synchronized boolean tryCount(String window, int limit, Instant expiresAt) {
    SharedCallCounter.requireValid(window, limit);
    if (down) {
      throw new StoreUnavailableException("counters down", null);
    }
    int used = counts.getOrDefault(window, 0);
    if (used >= limit) {
      return false;
    }
    counts.put(window, used + 1);
    expiries.put(window, expiresAt);
    return true;
  }
}
