package app.stride.planner.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's calendar feed: the one feed URL that is valid for them, known here only by the SHA-256
 * of its secret. Rotating replaces it (one conditional write on {@code version}); revoking deletes
 * it. A feed token is valid only while this record names its hash.
 *
 * @param userId the owner
 * @param tokenHash base64url (no padding) SHA-256 of the token's secret bytes
 * @param language the language tag the feed's texts default to (the one negotiated when it was
 *     created), e.g. {@code en}
 * @param createdAt when this URL was issued
 * @param version the optimistic version, 1 for a user's first feed
 */
public record CalendarFeed(
    UserId userId, String tokenHash, String language, Instant createdAt, long version) {
  public CalendarFeed {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }
}
