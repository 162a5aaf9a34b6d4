package app.stride.devices.webhook.strava;

import java.time.Instant;

/**
 * Counters of calls to a provider's API that every function instance of the region shares (an
 * atomic counter in the region's store: a conditional DynamoDB update, a Firestore transaction), so
 * that the instances together stay within the share of the provider's application limit the region
 * has ({@link StravaRateBudget}).
 */
public interface SharedCallCounter {
  /**
   * Counts one call in {@code window} if fewer than {@code limit} are counted there, atomically
   * across every instance; a full window changes nothing. A window's counter may be removed after
   * {@code expiresAt}.
   *
   * @param window the window's key, e.g. {@code strava:quarter:2026-11-27T21:15:00Z}: letters,
   *     digits and {@code :-.}, at most 64 characters
   * @return whether the call was counted
   * @throws IllegalArgumentException when {@code window} is not such a key or {@code limit} is not
   *     positive
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  boolean tryCount(String window, int limit, Instant expiresAt);

  /** Checks a window key and a limit as {@link #tryCount} describes them. */
  static void requireValid(String window, int limit) {
    if (window == null
        || window.isEmpty()
        || window.length() > 64
        || !window
            .chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == ':'
                        || c == '-'
                        || c == '.')) {
      throw new IllegalArgumentException("not a window key: " + window);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
