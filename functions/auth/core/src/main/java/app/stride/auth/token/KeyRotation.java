package app.stride.auth.token;

import app.stride.core.auth.JwtTokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The key rotation procedure of a region, as a pure function {@code (ring, now) -> ring}. A
 * scheduled job calls {@link #advance} often (say every few minutes) and saves the result when it
 * changed; nothing else changes a ring. The procedure guarantees that no valid token ever meets a
 * verifier that does not know its key:
 *
 * <ol>
 *   <li><b>Publish ahead.</b> When the CURRENT key has {@code publishAhead} left before it is due
 *       ({@code rotateEvery} after it started signing), a new key is added as NEXT. It is in the
 *       JWKS but signs nothing. {@code publishAhead} covers the verifiers' JWKS cache lifetime plus
 *       {@code signerRingMaxAge} (the JWKS endpoint serves the issuers' cached ring), so by the
 *       time it signs every verifier has fetched it (and a verifier that meets an unknown {@code
 *       kid} re-fetches anyway).
 *   <li><b>Promote.</b> Once the NEXT key has been published for {@code publishAhead}, it becomes
 *       CURRENT and signs every new token; the CURRENT key becomes RETIRED in the same step.
 *   <li><b>Keep retired.</b> A RETIRED key signs nothing but stays in the JWKS until every token it
 *       signed has expired: the last of them was signed at most {@code signerRingMaxAge} after the
 *       retirement (issuers cache the ring), lives {@code tokenLifetime}, and verifiers accept it
 *       {@link JwtTokenVerifier#CLOCK_SKEW} longer. So it stays {@link #retiredFor()} = {@code
 *       signerRingMaxAge + tokenLifetime + CLOCK_SKEW} after its retirement.
 *   <li><b>Remove.</b> After that the key leaves the ring, hence the JWKS, and its private part is
 *       gone from the store with the next save.
 * </ol>
 *
 * <p>One call makes at most one transition per key, in the order remove, promote, publish; every
 * waiting period is measured from the {@code stateSince} the earlier transition recorded, so a late
 * or skipped run only lengthens a period, never shortens it. Two schedulers racing compute their
 * step from the same ring version; the store's version check lets one win and the other's result is
 * dropped. The same procedure with a timeline is written up in {@code docs/key-rotation.md}.
 */
public final class KeyRotation {
  /**
   * The default bound on how stale an issuer's copy of the ring may be (the auth functions reload
   * it every minute).
   */
  public static final Duration DEFAULT_SIGNER_RING_MAX_AGE = Duration.ofMinutes(5);

  private final Duration rotateEvery;
  private final Duration publishAhead;
  private final Duration tokenLifetime;
  private final Duration signerRingMaxAge;

  /**
   * The procedure with issuers that reload the ring at least every {@link
   * #DEFAULT_SIGNER_RING_MAX_AGE}.
   *
   * @param rotateEvery how long a key signs (e.g. 30 days)
   * @param publishAhead how long a key is published before it signs: at least the verifiers' JWKS
   *     cache lifetime plus the signer ring age (e.g. 1 hour)
   * @param tokenLifetime the access-token lifetime (15 minutes)
   */
  public KeyRotation(Duration rotateEvery, Duration publishAhead, Duration tokenLifetime) {
    this(rotateEvery, publishAhead, tokenLifetime, DEFAULT_SIGNER_RING_MAX_AGE);
  }

  /**
   * The procedure with an explicit bound on how stale an issuer's copy of the ring may be.
   *
   * @param signerRingMaxAge the longest an issuer signs with (and the JWKS endpoint serves) a ring
   *     it loaded earlier; shorter than {@code publishAhead}
   */
  public KeyRotation(
      Duration rotateEvery,
      Duration publishAhead,
      Duration tokenLifetime,
      Duration signerRingMaxAge) {
    this.rotateEvery = positive(rotateEvery, "rotateEvery");
    this.publishAhead = positive(publishAhead, "publishAhead");
    this.tokenLifetime = positive(tokenLifetime, "tokenLifetime");
    this.signerRingMaxAge = Objects.requireNonNull(signerRingMaxAge, "signerRingMaxAge");
    if (signerRingMaxAge.isNegative()) {
      throw new IllegalArgumentException("signerRingMaxAge must not be negative");
    }
    if (publishAhead.compareTo(signerRingMaxAge) <= 0) {
      throw new IllegalArgumentException("publishAhead must be longer than signerRingMaxAge");
    }
    if (rotateEvery.compareTo(publishAhead) <= 0) {
      throw new IllegalArgumentException("rotateEvery must be longer than publishAhead");
    }
  }

  /** How long a RETIRED key stays published after its retirement. */
  public Duration retiredFor() {
    return signerRingMaxAge.plus(tokenLifetime).plus(JwtTokenVerifier.CLOCK_SKEW);
  }

  /**
   * One step of the procedure at {@code now}.
   *
   * @return {@code ring} itself when nothing is due, else the changed ring with the next version
   */
  public KeyRing advance(KeyRing ring, Instant now) {
    List<SigningKey> keys = new ArrayList<>(ring.keys());
    boolean changed = keys.removeIf(k -> k.state() == KeyState.RETIRED && removable(k, now));

    SigningKey current = ring.signingKey();
    SigningKey next = ring.nextKey().orElse(null);
    if (next != null && !now.isBefore(next.stateSince().plus(publishAhead))) {
      keys.replaceAll(
          k -> {
            if (k.kid().equals(current.kid())) {
              return k.withState(KeyState.RETIRED, now);
            }
            return k.kid().equals(next.kid()) ? k.withState(KeyState.CURRENT, now) : k;
          });
      changed = true;
    } else if (next == null
        && !now.isBefore(current.stateSince().plus(rotateEvery).minus(publishAhead))) {
      keys.add(0, newKey(ring, now));
      changed = true;
    }
    return changed ? ring.withKeys(keys) : ring;
  }

  private boolean removable(SigningKey retired, Instant now) {
    return !now.isBefore(retired.stateSince().plus(retiredFor()));
  }

  private static SigningKey newKey(KeyRing ring, Instant now) {
    while (true) {
      SigningKey key = SigningKey.generate(ring.region(), KeyState.NEXT, now);
      if (ring.keys().stream().noneMatch(k -> k.kid().equals(key.kid()))) {
        return key;
      }
    }
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
