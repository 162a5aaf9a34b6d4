package app.stride.core.auth;

import app.stride.core.region.RegionId;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;

/** Generates EC keys and signs test tokens with them. */
final class TestKeys {
  static final String ISSUER = "https://auth.test.stride.app";
  static final String AUDIENCE = "stride-api";
  private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

  final ECKey key;

  TestKeys(String kid) {
    try {
      key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key with a fresh region-bound key id of {@code region}. */
  static TestKeys forRegion(String region) {
    return new TestKeys(RegionKeyIds.newKeyId(RegionId.of(region), CREATED));
  }

  String kid() {
    return key.getKeyID();
  }

  JWKSet publicJwks() {
    return new JWKSet(key.toPublicJWK());
  }

  /** The public keys of several signers, as one JWKS. */
  static JWKSet publicJwks(TestKeys... signers) {
    return new JWKSet(Arrays.stream(signers).map(s -> (JWK) s.key.toPublicJWK()).toList());
  }

  JWTClaimsSet.Builder claims(String sub, String region, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(sub)
        .claim("home_region", region)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)));
  }

  /** The header this signer normally uses: ES256, its kid, {@code typ: JWT}. */
  JWSHeader.Builder header() {
    return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid()).type(JOSEObjectType.JWT);
  }

  String sign(JWTClaimsSet claims) {
    return sign(header().build(), claims);
  }

  String sign(JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
