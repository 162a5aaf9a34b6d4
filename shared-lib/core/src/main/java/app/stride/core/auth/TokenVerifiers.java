package app.stride.core.auth;

import app.stride.core.config.Env;
import app.stride.core.crypto.NativeCrypto;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;

/**
 * Builds the token verifier a function's configuration asks for: the issuer's JWKS URL in the
 * clouds, or an inline public JWKS that only a function started in local mode accepts.
 */
public final class TokenVerifiers {
  private TokenVerifiers() {}

  /**
   * Reads {@code STRIDE_JWT_ISSUER}, {@code STRIDE_JWT_AUDIENCE} and either {@code STRIDE_JWKS_URL}
   * or, with {@code STRIDE_LOCAL_MODE=true}, {@code STRIDE_LOCAL_JWKS} (a public JWKS document).
   */
  public static TokenVerifier fromEnv(Env env, Clock clock) {
    return fromEnv(env, clock, JwtTokenVerifier.jwksRetriever());
  }

  /**
   * As {@link #fromEnv(Env, Clock)}, fetching the JWKS with {@code retriever} (shared-edge's {@code
   * GuardedResourceRetriever} adds a circuit breaker and a bulkhead to the fetches).
   */
  public static TokenVerifier fromEnv(Env env, Clock clock, ResourceRetriever retriever) {
    String issuer = env.require("STRIDE_JWT_ISSUER");
    String audience = env.require("STRIDE_JWT_AUDIENCE");
    var inline = env.optional("STRIDE_LOCAL_JWKS");
    if (inline.isPresent()) {
      if (!env.flag("STRIDE_LOCAL_MODE")) {
        throw new IllegalStateException(
            "STRIDE_LOCAL_JWKS is accepted only with STRIDE_LOCAL_MODE=true");
      }
      try {
        return JwtTokenVerifier.forJwks(JWKSet.parse(inline.get()), issuer, audience, clock);
      } catch (ParseException e) {
        throw new IllegalStateException("STRIDE_LOCAL_JWKS is not a JWKS document", e);
      }
    }
    return JwtTokenVerifier.forJwksUrl(
        URI.create(env.require("STRIDE_JWKS_URL")),
        issuer,
        audience,
        clock,
        NativeCrypto.provider(),
        retriever);
  }
}
