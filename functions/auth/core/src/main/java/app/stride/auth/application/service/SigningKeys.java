package app.stride.auth.application.service;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.auth.token.KeyRotation;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The region's signing key ring as the functions see it: loaded from the store and cached for a
 * minute (a key is published ahead of its use for longer than that, see {@link KeyRotation}),
 * created on first use, and advanced by the scheduled rotation.
 */
public final class SigningKeys {
  private static final Duration CACHE = Duration.ofMinutes(1);

  private final KeyRingStore store;
  private final RegionId region;
  private final KeyRotation rotation;
  private final Clock clock;
  private final KeyRing fixed;
  private volatile KeyRing cached;
  private volatile Instant loadedAt = Instant.MIN;

  private SigningKeys(
      KeyRingStore store, RegionId region, KeyRotation rotation, Clock clock, KeyRing fixed) {
    this.store = store;
    this.region = region;
    this.rotation = rotation;
    this.clock = clock;
    this.fixed = fixed;
  }

  /** The ring kept in the region's store. */
  public static SigningKeys stored(
      KeyRingStore store, RegionId region, KeyRotation rotation, Clock clock) {
    return new SigningKeys(
        Objects.requireNonNull(store), Objects.requireNonNull(region), rotation, clock, null);
  }

  /** A ring given from outside and never rotated: the local platform's per-region dev key. */
  public static SigningKeys fixed(KeyRing ring) {
    return new SigningKeys(null, ring.region(), null, Clock.systemUTC(), ring);
  }

  /** The ring to sign with and to publish. */
  public KeyRing current() {
    if (fixed != null) {
      return fixed;
    }
    Instant now = clock.instant();
    KeyRing ring = cached;
    if (ring == null || now.isAfter(loadedAt.plus(CACHE))) {
      ring = store.load(region).orElseGet(() -> bootstrap(now));
      cached = ring;
      loadedAt = now;
    }
    return ring;
  }

  /**
   * One step of the rotation procedure; the scheduled rotation calls this. Safe to run twice at
   * once: the loser of the version race changes nothing.
   *
   * @return the ring after the step
   */
  public KeyRing rotate() {
    if (fixed != null) {
      return fixed;
    }
    Instant now = clock.instant();
    KeyRing ring = store.load(region).orElseGet(() -> bootstrap(now));
    KeyRing next = rotation.advance(ring, now);
    if (!next.keys().equals(ring.keys())) {
      KeyRing saved = new KeyRing(region, next.keys(), ring.version() + 1);
      try {
        store.save(saved, ring.version());
        ring = saved;
      } catch (VersionConflictException raced) {
        ring = store.load(region).orElseThrow();
      }
    }
    cached = ring;
    loadedAt = now;
    return ring;
  }

  private KeyRing bootstrap(Instant now) {
    KeyRing first = new KeyRing(region, KeyRing.bootstrap(region, now).keys(), 1);
    try {
      store.save(first, 0);
      return first;
    } catch (VersionConflictException raced) {
      return store.load(region).orElseThrow();
    }
  }
}
