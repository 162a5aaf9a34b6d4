package app.stride.devices.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small LRU of unwrapped data keys, so a worker that decrypts the same user's tokens again does
 * not call the key service (AWS KMS, Cloud KMS) each time; shared by both clouds' {@link
 * TokenCipher}s. Entries live at most {@code ttl}; at most {@code capacity} are held; an evicted or
 * expired key is zeroed. Keys are copied in and out.
 */
public final class DataKeyCache {
  private record Entry(byte[] key, Instant expiresAt) {}

  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  /** At most {@code capacity} keys, each for at most {@code ttl}; 0 of either caches nothing. */
  public DataKeyCache(int capacity, Duration ttl, Clock clock) {
    if (capacity < 0 || ttl.isNegative()) {
      throw new IllegalArgumentException("capacity and ttl must not be negative");
    }
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A copy of the cached key, or {@code null}. */
  public synchronized byte[] get(String id) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(id);
      Arrays.fill(entry.key(), (byte) 0);
      return null;
    }
    return entry.key().clone();
  }

  /** Caches a copy of {@code key}. */
  public synchronized void put(String id, byte[] key) {
    if (capacity == 0 || ttl.isZero()) {
      return;
    }
    Entry previous = entries.put(id, new Entry(key.clone(), clock.instant().plus(ttl)));
    if (previous != null) {
      Arrays.fill(previous.key(), (byte) 0);
    }
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while (entries.size() > capacity && eldest.hasNext()) {
      Arrays.fill(eldest.next().getValue().key(), (byte) 0);
      eldest.remove();
    }
  }

  /** How many keys are held. */
  public synchronized int size() {
    return entries.size();
  }
}
