package app.stride.auth.social;

import static app.stride.auth.social.SocialTokenRejectedException.ALGORITHM;
import static app.stride.auth.social.SocialTokenRejectedException.MALFORMED;
import static app.stride.auth.social.SocialTokenRejectedException.TOO_LONG;
import static app.stride.auth.social.SocialTokenRejectedException.UNKNOWN_KEY;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;

/**
 * The signature side of an ID token: parsing with the algorithm pinned, choosing the provider's key
 * by {@code kid}, checking the signature. Pure: the keys come in as a {@link JWKSet}; keys named or
 * embedded in the token's own header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never
 * used.
 */
final class IdTokenSignature {
  static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final int MIN_RSA_BITS = 2048;

  private IdTokenSignature() {}

  /**
   * Parses a compact JWS whose header names exactly the pinned algorithm and a key id.
   *
   * @throws SocialTokenRejectedException {@code too-long}, {@code malformed}, {@code algorithm}
   *     (unsecured, encrypted or another algorithm, such as HS256) or {@code unknown-key} (no kid)
   */
  static SignedJWT parse(SocialProvider provider, JWSAlgorithm pinned, String token) {
    if (token == null || token.isBlank()) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new SocialTokenRejectedException(provider, TOO_LONG);
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
    Header header;
    try {
      header = Header.parse(new Base64URL(token.substring(0, dot)));
    } catch (ParseException e) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
    if (!(header instanceof JWSHeader) || !pinned.equals(header.getAlgorithm())) {
      throw new SocialTokenRejectedException(provider, ALGORITHM);
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null || kid.isBlank()) {
      throw new SocialTokenRejectedException(provider, UNKNOWN_KEY);
    }
    return jwt;
  }

  /**
   * The provider's keys that may have signed a token with this header: same {@code kid}, key type
   * of the algorithm, use {@code sig} or unstated, algorithm the header's or unstated, RSA keys of
   * at least 2048 bits.
   */
  static List<JWK> candidates(JWKSet providerKeys, JWSHeader header) {
    return new JWKSelector(JWKMatcher.forJWSHeader(header))
        .select(providerKeys).stream()
            .filter(key -> !(key instanceof RSAKey rsa) || rsa.size() >= MIN_RSA_BITS)
            .toList();
  }

  /** True when one of the keys verifies the token's signature. */
  static boolean verifies(SignedJWT jwt, List<JWK> keys) {
    DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
    for (JWK key : keys) {
      try {
        JWSVerifier verifier =
            factory.createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey());
        if (jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException | ClassCastException e) {
        // A key that cannot verify this algorithm does not vouch for the token; try the next.
      }
    }
    return false;
  }
}
