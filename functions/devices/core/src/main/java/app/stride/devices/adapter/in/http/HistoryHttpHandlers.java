package app.stride.devices.adapter.in.http;

import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.devices.application.service.HistoryQueries;
import app.stride.devices.domain.HistoryEntry;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/history} ({@code listHistory}): the caller's activities and recorded workouts, one
 * entry per session. The request validator checks bodies only, so the query parameters' rules live
 * here; each bad one is reported on {@code query:<name>}.
 */
public final class HistoryHttpHandlers {
  private static final int MAX_CURSOR_CHARS = 2048;

  private final HistoryQueries history;

  public HistoryHttpHandlers(HistoryQueries history) {
    this.history = history;
  }

  /** Adds the handler to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder.on("listHistory", this::listHistory);
  }

  ApiResponse listHistory(ApiCall call) {
    Principal caller = call.caller();
    HistoryQueries.Page page =
        history.history(
            new UserId(caller.userId()), caller.homeRegion(), request(call.request().query()));
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode entries = body.putArray("entries");
    page.entries().forEach(entry -> entries.add(entry(entry)));
    page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
    return ApiResponse.json(200, body).withHeader("Cache-Control", "private, no-store");
  }

  static HistoryQueries.Request request(Map<String, String> query) {
    List<FieldError> errors = new ArrayList<>();
    int limit = limit(query.get("limit"), errors);
    Optional<String> cursor = Optional.ofNullable(query.get("cursor"));
    if (cursor.isPresent()
        && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR_CHARS)) {
      errors.add(new FieldError("query:cursor", "is not a valid cursor for this listing"));
    }
    Optional<Instant> from = instant("from", query.get("from"), errors);
    Optional<Instant> to = instant("to", query.get("to"), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new HistoryQueries.Request(from, to, limit, cursor);
  }

  static ObjectNode entry(HistoryEntry entry) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", entry.kind().wire());
    node.put("id", entry.id());
    if (entry.workoutId() != null) {
      node.put("workoutId", entry.workoutId());
    }
    node.put("sport", entry.sport());
    node.put("startTime", entry.startTime().toString());
    if (entry.utcOffset() != null) {
      node.put("utcOffset", entry.utcOffset().getId());
    }
    node.put("elapsedSeconds", entry.elapsed().toMillis() / 1000.0);
    if (entry.distanceMeters() != null) {
      node.put("distanceMeters", entry.distanceMeters());
    }
    if (entry.averageHeartRate() != null) {
      node.put("averageHeartRate", entry.averageHeartRate());
    }
    if (entry.kind() == HistoryEntry.Kind.ACTIVITY) {
      ArrayNode providers = node.putArray("providers");
      entry.providers().stream().map(Provider::wire).forEach(providers::add);
    }
    return node;
  }

  private static int limit(String value, List<FieldError> errors) {
    if (value == null) {
      return HistoryQueries.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= HistoryQueries.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError("query:limit", "must be an integer from 1 to " + HistoryQueries.MAX_LIMIT));
    return HistoryQueries.DEFAULT_LIMIT;
  }

  private static Optional<Instant> instant(String name, String value, List<FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              "query:" + name, "must be an RFC 3339 date-time, e.g. 2026-03-01T00:00:00Z"));
      return Optional.empty();
    }
  }
}
