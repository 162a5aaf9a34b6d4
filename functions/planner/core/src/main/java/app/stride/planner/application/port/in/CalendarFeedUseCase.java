package app.stride.planner.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.planner.application.port.in.ViewScheduleUseCase.Entry;
import app.stride.planner.domain.CalendarFeed;
import java.time.Instant;
import java.util.List;

/**
 * A user subscribes their calendar app to their schedule. Calendar apps send no bearer token, so
 * the feed URL carries a secret token {@code <region>.<secret>} (32 random bytes, base64url); only
 * its SHA-256 is stored. Issuing again rotates it (the old URL stops working), revoking ends it.
 */
public interface CalendarFeedUseCase {
  /** How many days before today the feed starts. */
  int PAST_DAYS = 28;

  /** How many days after today the feed ends (26 weeks). */
  int FUTURE_DAYS = 182;

  /**
   * Creates the caller's feed, or rotates it: the new token replaces the old one, which is invalid
   * as soon as this returns.
   *
   * @param language the language tag the feed's texts default to
   * @return the new token, answered once and never stored
   * @throws app.stride.core.problem.ProblemException {@code conflict} when concurrent rotations
   *     keep winning, {@code wrong-region} for a caller homed elsewhere
   */
  IssuedFeed issue(Principal caller, String language);

  /**
   * Revokes the caller's feed; revoking when there is none is fine.
   *
   * @throws app.stride.core.problem.ProblemException {@code conflict} when a concurrent rotation
   *     keeps winning
   */
  void revoke(Principal caller);

  /**
   * The schedule behind a feed token: the sessions of the owner's plans that are not abandoned,
   * from {@value #PAST_DAYS} days before to {@value #FUTURE_DAYS} days after today (each plan's
   * today, in its time zone).
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found} for a malformed, unknown,
   *     rotated or revoked token, or one of another region: the same answer for each
   */
  Feed read(String feedToken);

  /**
   * A token just issued.
   *
   * @param token the token, {@code <region>.<secret>}
   * @param feed the stored feed it belongs to
   */
  record IssuedFeed(String token, CalendarFeed feed) {
    @Override
    public String toString() {
      return "IssuedFeed[token=<redacted>, feed=" + feed + "]";
    }
  }

  /**
   * What a feed shows.
   *
   * @param language the language tag chosen when the feed was issued
   * @param generatedAt when it was read
   * @param entries the sessions, by day, then plan start, then plan order
   */
  record Feed(String language, Instant generatedAt, List<Entry> entries) {
    public Feed {
      entries = List.copyOf(entries);
    }
  }
}
