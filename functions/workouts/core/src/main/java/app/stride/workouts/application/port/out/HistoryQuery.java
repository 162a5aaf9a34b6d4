package app.stride.workouts.application.port.out;

import app.stride.workouts.domain.Sport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page request of a user's workout history, newest start first.
 *
 * @param limit items per page, 1 to {@link #MAX_LIMIT}
 * @param cursor the previous page's opaque cursor; empty for the first page
 * @param sport only workouts of this sport
 * @param from only workouts starting at or after this instant
 * @param to only workouts starting before this instant
 */
public record HistoryQuery(
    int limit,
    Optional<String> cursor,
    Optional<Sport> sport,
    Optional<Instant> from,
    Optional<Instant> to) {
  /** The page size when the caller names none. */
  public static final int DEFAULT_LIMIT = 20;

  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  public HistoryQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * What a cursor is bound to besides the user: the filters. A cursor issued for one filter is
   * refused on another, so a page never continues a different listing.
   */
  public String filterScope() {
    return "sport="
        + sport.map(s -> s.wire()).orElse("")
        + "|from="
        + from.map(Instant::toString).orElse("")
        + "|to="
        + to.map(Instant::toString).orElse("");
  }
}
