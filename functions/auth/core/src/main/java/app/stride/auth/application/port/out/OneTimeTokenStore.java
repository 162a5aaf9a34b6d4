package app.stride.auth.application.port.out;

import app.stride.auth.domain.OneTimeToken;
import java.time.Instant;
import java.util.Optional;

/** Single-use tokens of one region (mail links, MFA challenges), stored as hashes. */
public interface OneTimeTokenStore {
  /** Stores a new token; fails with VersionConflictException when the hash exists. */
  void save(OneTimeToken token);

  /**
   * The live token with this hash and purpose: absent when unknown, expired or of another purpose.
   */
  Optional<OneTimeToken> find(String tokenHash, OneTimeToken.Purpose purpose, Instant now);

  /**
   * Deletes the token if it exists, is live and has {@code purpose}; exactly one caller can win.
   *
   * @return the consumed token, or empty when it was unknown, expired, of another purpose or
   *     consumed by someone else
   */
  Optional<OneTimeToken> consume(String tokenHash, OneTimeToken.Purpose purpose, Instant now);

  /**
   * Counts a wrong code against the token and deletes it when it reaches {@link
   * OneTimeToken#MAX_FAILURES}.
   *
   * @return the failures now recorded
   */
  int recordFailure(String tokenHash);
}
