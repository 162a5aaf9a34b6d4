package app.stride.devices.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.CursorSeal;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.application.service.HistoryTimeline.Position;
import app.stride.devices.application.service.HistoryTimeline.Window;
import app.stride.devices.domain.HistoryEntry;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's training history: imported activities and the workouts they recorded by hand, one entry
 * per session, newest start first ({@link HistoryTimeline} merges them).
 *
 * <p>A listing covers starts in {@code [from, to)}: by default the last {@link #DEFAULT_SPAN} up to
 * now (plus {@link #CLOCK_SKEW}, as recording a workout allows), at most {@link #MAX_SPAN}. Pages
 * continue after the last entry's start (and id) through a cursor sealed by {@link CursorSeal} for
 * the user and the {@code from}/{@code to} asked for; it carries the listing's resolved span, so
 * later pages cover the same span however much later they are asked for.
 */
public final class HistoryQueries {
  /** The span listed when the caller names neither end. */
  public static final Duration DEFAULT_SPAN = Duration.ofDays(90);

  /** The longest span one listing covers. */
  public static final Duration MAX_SPAN = Duration.ofDays(366);

  /** How far past now a start may be (recording a workout allows as much clock skew). */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Entries per page when the caller names no limit. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  private static final String SEPARATOR = "\n";

  private final HistoryTimeline timeline;
  private final CursorSeal cursors;
  private final ResidencyGuard guard;
  private final Clock clock;

  public HistoryQueries(
      ActivityStore activities,
      RecordedWorkouts workouts,
      CursorSeal cursors,
      RegionId servingRegion,
      Clock clock) {
    this.timeline =
        new HistoryTimeline(
            Objects.requireNonNull(activities, "activities"),
            Objects.requireNonNull(workouts, "workouts"));
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One page request.
   *
   * @param from the earliest start listed; empty for {@link #DEFAULT_SPAN} before {@code to}
   * @param to the start listed entries come before; empty for now
   * @param limit entries per page, 1 to {@link #MAX_LIMIT}
   * @param cursor the previous page's {@code nextCursor}; empty for the first page
   */
  public record Request(
      Optional<Instant> from, Optional<Instant> to, int limit, Optional<String> cursor) {
    public Request {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(cursor, "cursor");
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
      }
    }
  }

  /** One page of the history; {@code nextCursor} is empty on the last. */
  public record Page(List<HistoryEntry> entries, Optional<String> nextCursor) {}

  /**
   * A page of {@code user}'s history.
   *
   * @throws ProblemException {@code validation-failed} on {@code query:from} or {@code query:to}
   *     for a span that is empty or longer than {@link #MAX_SPAN}, on {@code query:cursor} for a
   *     cursor of another listing or user, or an altered one; {@code wrong-region} when {@code
   *     home} is not the serving region
   */
  public Page history(UserId user, RegionId home, Request request) {
    guard.requireHome(home);
    String scope = scope(user, request);
    Window window;
    Optional<Position> after;
    if (request.cursor().isPresent()) {
      Continuation continuation = open(scope, request.cursor().get());
      window = continuation.window();
      after = Optional.of(continuation.after());
    } else {
      window = window(request);
      after = Optional.empty();
    }
    HistoryTimeline.Result result =
        timeline.entries(user, home, window, after, request.limit() + 1);
    List<HistoryEntry> found = result.entries();
    if (found.size() > request.limit()) {
      List<HistoryEntry> page = List.copyOf(found.subList(0, request.limit()));
      Position last = Position.after(page.get(page.size() - 1));
      return new Page(page, Optional.of(seal(scope, window, last)));
    }
    return new Page(found, result.resumeAt().map(position -> seal(scope, window, position)));
  }

  private Window window(Request request) {
    Instant to = request.to().orElseGet(() -> clock.instant().plus(CLOCK_SKEW));
    Instant from = request.from().orElseGet(() -> to.minus(DEFAULT_SPAN));
    if (!from.isBefore(to)) {
      throw request.to().isPresent()
          ? ProblemException.invalid("query:to", "must be after from")
          : ProblemException.invalid("query:from", "must be before now");
    }
    if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
      throw ProblemException.invalid(
          "query:from", "must be at most " + MAX_SPAN.toDays() + " days before to");
    }
    return new Window(from, to);
  }

  /** A listing is the user's history over the span asked for (a cursor is refused elsewhere). */
  private static String scope(UserId user, Request request) {
    return "history|"
        + user.value()
        + "|from="
        + request.from().map(Instant::toString).orElse("")
        + "|to="
        + request.to().map(Instant::toString).orElse("");
  }

  private String seal(String scope, Window window, Position after) {
    String payload =
        String.join(
            SEPARATOR,
            window.from().toString(),
            window.to().toString(),
            after.startTime().toString(),
            after.id());
    return cursors.seal(scope, payload.getBytes(StandardCharsets.UTF_8));
  }

  private record Continuation(Window window, Position after) {}

  private Continuation open(String scope, String cursor) {
    String payload = new String(cursors.open(scope, cursor), StandardCharsets.UTF_8);
    String[] values = payload.split(SEPARATOR, -1);
    if (values.length != 4) {
      throw CursorSeal.invalid();
    }
    try {
      return new Continuation(
          new Window(Instant.parse(values[0]), Instant.parse(values[1])),
          new Position(Instant.parse(values[2]), values[3]));
    } catch (DateTimeParseException e) {
      throw CursorSeal.invalid();
    }
  }
}
