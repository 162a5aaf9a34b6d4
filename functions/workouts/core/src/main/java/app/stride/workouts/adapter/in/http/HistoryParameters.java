package app.stride.workouts.adapter.in.http;

import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.domain.Sport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the query parameters of {@code GET /v1/me/workouts} ({@code limit}, {@code cursor}, {@code
 * sport}, {@code from}, {@code to}). The request validator checks bodies only, so the parameters'
 * rules live here; each bad one is reported on {@code query:<name>}.
 */
final class HistoryParameters {
  private static final int MAX_CURSOR_CHARS = 2048;

  private HistoryParameters() {}

  static HistoryQuery read(Map<String, String> query) {
    List<FieldError> errors = new ArrayList<>();
    int limit = limit(query.get("limit"), errors);
    Optional<String> cursor = Optional.ofNullable(query.get("cursor"));
    if (cursor.isPresent()
        && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR_CHARS)) {
      errors.add(new FieldError("query:cursor", "is not a valid cursor for this listing"));
    }
    Optional<Sport> sport = sport(query.get("sport"), errors);
    Optional<Instant> from = instant("from", query.get("from"), errors);
    Optional<Instant> to = instant("to", query.get("to"), errors);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      errors.add(new FieldError("query:to", "must be after from"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new HistoryQuery(limit, cursor, sport, from, to);
  }

  private static int limit(String value, List<FieldError> errors) {
    if (value == null) {
      return HistoryQuery.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= HistoryQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError("query:limit", "must be an integer from 1 to " + HistoryQuery.MAX_LIMIT));
    return HistoryQuery.DEFAULT_LIMIT;
  }

  private static Optional<Sport> sport(String value, List<FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      if (value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
        return Optional.of(Sport.fromWire(value));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(new FieldError("query:sport", "is not a known sport"));
    return Optional.empty();
  }

  private static Optional<Instant> instant(String name, String value, List<FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      // Starts are stored in whole seconds: rounding a bound up keeps [from, to) exact.
      Instant instant = OffsetDateTime.parse(value).toInstant();
      Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
      return Optional.of(whole.equals(instant) ? whole : whole.plusSeconds(1));
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              "query:" + name, "must be an RFC 3339 date-time, e.g. 2026-03-01T00:00:00Z"));
      return Optional.empty();
    }
  }
}
