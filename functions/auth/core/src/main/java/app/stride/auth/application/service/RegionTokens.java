package app.stride.auth.application.service;

import app.stride.auth.credential.SecretTokens;
import app.stride.core.region.RegionId;
import java.util.Optional;

/**
 * Opaque tokens handed to clients (refresh tokens, mail links, MFA challenges) are {@code
 * <region>.<secret>}: the prefix lets the edge route an unauthenticated call to the region that
 * holds the token. The prefix is only a routing hint; the token is trusted only when its hash is
 * found in that region's store.
 */
final class RegionTokens {
  private static final int MAX_LENGTH = 128;

  private final SecretTokens secrets;
  private final RegionId region;

  RegionTokens(SecretTokens secrets, RegionId region) {
    this.secrets = secrets;
    this.region = region;
  }

  /** A fresh token of this region. */
  String mint() {
    return region.value() + "." + secrets.newToken();
  }

  /** The stored hash of a token, or empty when it is malformed or names another region. */
  Optional<String> hashIfOurs(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || !token.substring(0, dot).equals(region.value())) {
      return Optional.empty();
    }
    return Optional.of(secrets.hash(token));
  }

  /** The hash of a token this region minted. */
  String hash(String token) {
    return secrets.hash(token);
  }
}
