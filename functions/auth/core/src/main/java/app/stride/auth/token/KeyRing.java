package app.stride.auth.token;

import app.stride.core.auth.RegionKeyIds;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A region's signing keys: exactly one {@link KeyState#CURRENT CURRENT} key that signs, at most one
 * {@link KeyState#NEXT NEXT} key published ahead of use, and the {@link KeyState#RETIRED RETIRED}
 * keys whose tokens may still be alive. Every key id binds the ring's region. Keys removed by the
 * {@link KeyRotation rotation} are no longer in the ring, hence no longer published.
 *
 * @param region the region whose keys these are
 * @param keys the keys, in the order the rotation keeps them
 * @param version the optimistic version: 1 for a ring never saved, one more on every change ({@link
 *     KeyRingStore#save} expects the version that was read; 0 when none was stored)
 */
public record KeyRing(RegionId region, List<SigningKey> keys, long version) {

  public KeyRing {
    Objects.requireNonNull(region, "region");
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    Set<String> kids = new HashSet<>();
    int current = 0;
    int next = 0;
    for (SigningKey key : keys) {
      if (!RegionKeyIds.belongsTo(key.kid(), region)) {
        throw new IllegalArgumentException(
            "key " + key.kid() + " is not a key id of region " + region);
      }
      if (!kids.add(key.kid())) {
        throw new IllegalArgumentException("key " + key.kid() + " appears twice");
      }
      current += key.state() == KeyState.CURRENT ? 1 : 0;
      next += key.state() == KeyState.NEXT ? 1 : 0;
    }
    if (current != 1) {
      throw new IllegalArgumentException("a ring needs exactly one CURRENT key, has " + current);
    }
    if (next > 1) {
      throw new IllegalArgumentException("a ring has at most one NEXT key, has " + next);
    }
  }

  /** A new ring of {@code region} with one CURRENT key made at {@code now}; version 1. */
  public static KeyRing bootstrap(RegionId region, Instant now) {
    return new KeyRing(region, List.of(SigningKey.generate(region, KeyState.CURRENT, now)), 1);
  }

  /** The CURRENT key: the one that signs new tokens. */
  public SigningKey signingKey() {
    return keys.stream().filter(k -> k.state() == KeyState.CURRENT).findFirst().orElseThrow();
  }

  /** The NEXT key, published but not signing yet, if a rotation is under way. */
  public Optional<SigningKey> nextKey() {
    return keys.stream().filter(k -> k.state() == KeyState.NEXT).findFirst();
  }

  /** Every published key (NEXT, CURRENT and RETIRED), public parts only: the JWKS document. */
  public JWKSet publicJwks() {
    List<JWK> published = keys.stream().map(k -> (JWK) k.publicJwk()).toList();
    return new JWKSet(published);
  }

  /** This ring with other keys and the version after this one. */
  KeyRing withKeys(List<SigningKey> newKeys) {
    return new KeyRing(region, newKeys, version + 1);
  }

  /**
   * The stored form, <b>private keys included</b>: only {@link KeyRingStore} implementations (and
   * the local platform's fixed dev ring) call this. Never log it, never serve it.
   */
  public String toJson() {
    return KeyRingJson.write(this);
  }

  /**
   * Reads the stored form written by {@link #toJson()}.
   *
   * @throws KeyRingFormatException when the document is not a valid ring
   */
  public static KeyRing fromJson(String json) {
    return KeyRingJson.read(json);
  }
}
