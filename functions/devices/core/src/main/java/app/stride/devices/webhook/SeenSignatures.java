package app.stride.devices.webhook;

import java.time.Instant;

/**
 * Remembers which exact authentic requests were accepted recently, so a replay of one within the
 * window is answered without being queued again. The idempotency key already makes a second
 * queueing harmless; this saves the work and gives replays a visible outcome. Implementations must
 * make {@link #firstSeen} atomic (the default is in-memory per instance; a shared store such as a
 * conditional put with a TTL makes it region-wide).
 */
public interface SeenSignatures {
  /**
   * Records a key as seen.
   *
   * @param key a hash of the provider and the exact request (never the secret or the raw body)
   * @param now the current time
   * @return {@code true} the first time within the window, {@code false} for a replay
   */
  boolean firstSeen(String key, Instant now);

  /** Forgets a key, so a retry after a failed queueing is accepted again. */
  void forget(String key);
}
