package app.stride.auth.token;

import app.stride.core.auth.RegionKeyIds;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * One ES256 signing key of a region's ring.
 *
 * @param kid the key id, {@code <region>-<yyyyMMdd>-<8 hex>}; equal to the JWK's {@code kid}
 * @param jwk the P-256 key pair (the private part never leaves the ring's store)
 * @param state where the key is in its life
 * @param createdAt when the key was made
 * @param stateSince when the key entered {@code state}
 */
public record SigningKey(
    String kid, ECKey jwk, KeyState state, Instant createdAt, Instant stateSince) {

  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(stateSince, "stateSince");
    if (!kid.equals(jwk.getKeyID())) {
      throw new IllegalArgumentException("kid " + kid + " differs from the JWK's key id");
    }
    if (!Curve.P_256.equals(jwk.getCurve())) {
      throw new IllegalArgumentException("key " + kid + " is not a P-256 key");
    }
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("key " + kid + " lacks its private part");
    }
    if (stateSince.isBefore(createdAt)) {
      throw new IllegalArgumentException("key " + kid + " entered its state before it was made");
    }
  }

  /** A new P-256 key of {@code region} in {@code state}, made at {@code now}. */
  public static SigningKey generate(RegionId region, KeyState state, Instant now) {
    String kid = RegionKeyIds.newKeyId(region, now);
    try {
      ECKey jwk =
          new ECKeyGenerator(Curve.P_256)
              .keyID(kid)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      return new SigningKey(kid, jwk, state, now, now);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  /** This key in {@code newState} from {@code since}. */
  public SigningKey withState(KeyState newState, Instant since) {
    return new SigningKey(kid, jwk, newState, createdAt, since);
  }

  /** The public half, as published in the JWKS. */
  public ECKey publicJwk() {
    return jwk.toPublicJWK();
  }

  /** Names the key and its state only: the private key never reaches a log line. */
  @Override
  public String toString() {
    return "SigningKey[kid="
        + kid
        + ", state="
        + state
        + ", createdAt="
        + createdAt
        + ", stateSince="
        + stateSince
        + "]";
  }
}
