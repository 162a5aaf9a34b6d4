package app.stride.workouts.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistence form of a workout: document {@code users/{userId}/workouts/{workoutId}} with the
 * field names of the DynamoDB item (the planner reads both): {@code userId}, {@code workoutId},
 * {@code sport} (lower-case), {@code startTime} (ISO-8601 instant string, whole seconds), {@code
 * timeZone}, {@code durationSeconds}, {@code distanceMeters}, {@code elevationGainMeters}, heart
 * rates, {@code perceivedEffort}, {@code title}, {@code notes}, {@code version}, {@code
 * recordedAt}, {@code updatedAt}, and {@code startKey} ({@code <startTime>#<workoutId>}), which
 * history and overlap queries order by.
 *
 * <p>Outbox: {@code outbox} maps event id to {@code {type, subject, json, at}}; {@code outboxSince}
 * is the oldest pending entry's time and is absent when nothing is pending, so the relay's
 * collection-group query ordered by it finds exactly the documents with pending events.
 *
 * <p>Delete marker: {@code userId}, {@code workoutId}, {@code version}, {@code deleted = true} and
 * the outbox, nothing else (no {@code startKey}, so no query sees it); a reader by id treats {@code
 * deleted = true} as absent.
 */
final class WorkoutDocument {
  /** The subcollection of a user's workouts. */
  static final String COLLECTION = "workouts";

  /** The top-level collection of users. */
  static final String USERS = "users";

  static final String START_KEY = "startKey";
  static final String SPORT = "sport";
  static final String VERSION = "version";
  static final String DELETED = "deleted";
  static final String OUTBOX = "outbox";
  static final String OUTBOX_SINCE = "outboxSince";

  private WorkoutDocument() {}

  static Map<String, Object> fields(Workout w, Map<String, Map<String, Object>> outbox) {
    WorkoutDraft d = w.draft();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("userId", w.userId().value());
    f.put("workoutId", w.id().value());
    f.put(START_KEY, startKey(d.startTime(), w.id()));
    f.put(SPORT, d.sport().wire());
    putIfSet(f, "title", d.title());
    f.put("startTime", d.startTime().toString());
    f.put("timeZone", d.timeZone());
    f.put("durationSeconds", d.durationSeconds());
    putIfSet(f, "distanceMeters", d.distanceMeters());
    putIfSet(f, "elevationGainMeters", d.elevationGainMeters());
    putIfSet(
        f,
        "averageHeartRate",
        d.averageHeartRate() == null ? null : d.averageHeartRate().longValue());
    putIfSet(f, "maxHeartRate", d.maxHeartRate() == null ? null : d.maxHeartRate().longValue());
    putIfSet(
        f, "perceivedEffort", d.perceivedEffort() == null ? null : d.perceivedEffort().longValue());
    putIfSet(f, "notes", d.notes());
    f.put(VERSION, w.version());
    f.put("recordedAt", w.recordedAt().toString());
    f.put("updatedAt", w.updatedAt().toString());
    withOutbox(f, outbox);
    return f;
  }

  static Map<String, Object> marker(
      String userId, String workoutId, long version, Map<String, Map<String, Object>> outbox) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("userId", userId);
    f.put("workoutId", workoutId);
    f.put(VERSION, version);
    f.put(DELETED, true);
    withOutbox(f, outbox);
    return f;
  }

  static boolean isMarker(Map<String, Object> fields) {
    return Boolean.TRUE.equals(fields.get(DELETED));
  }

  static String startKey(Instant start, WorkoutId id) {
    return start + "#" + id.value();
  }

  static Workout toDomain(Map<String, Object> f) {
    WorkoutDraft draft =
        new WorkoutDraft(
            Sport.fromWire((String) f.get(SPORT)),
            (String) f.get("title"),
            Instant.parse((String) f.get("startTime")),
            (String) f.get("timeZone"),
            ((Number) f.get("durationSeconds")).longValue(),
            decimal(f.get("distanceMeters")),
            decimal(f.get("elevationGainMeters")),
            integer(f.get("averageHeartRate")),
            integer(f.get("maxHeartRate")),
            integer(f.get("perceivedEffort")),
            (String) f.get("notes"));
    return new Workout(
        new WorkoutId((String) f.get("workoutId")),
        new UserId((String) f.get("userId")),
        draft,
        ((Number) f.get(VERSION)).longValue(),
        Instant.parse((String) f.get("recordedAt")),
        Instant.parse((String) f.get("updatedAt")));
  }

  /** The pending events of stored fields, by event id. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> outbox(Map<String, Object> fields) {
    Object outbox = fields.get(OUTBOX);
    return outbox == null
        ? new HashMap<>()
        : new HashMap<>((Map<String, Map<String, Object>>) outbox);
  }

  static Map<String, Object> entry(OutboundEvent event, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", event.type());
    e.put("subject", event.subject());
    e.put("json", new String(event.json(), StandardCharsets.UTF_8));
    e.put("at", Timestamp.ofTimeSecondsAndNanos(at.getEpochSecond(), at.getNano()));
    return e;
  }

  static OutboundEvent toEvent(String eventId, Map<String, Object> entry) {
    return new OutboundEvent(
        eventId,
        (String) entry.get("type"),
        (String) entry.get("subject"),
        ((String) entry.get("json")).getBytes(StandardCharsets.UTF_8));
  }

  /** The pending entries, oldest first. */
  static List<Map.Entry<String, Map<String, Object>>> oldestFirst(
      Map<String, Map<String, Object>> outbox) {
    return outbox.entrySet().stream()
        .sorted(Comparator.comparing(e -> (Timestamp) e.getValue().get("at")))
        .toList();
  }

  private static void withOutbox(Map<String, Object> f, Map<String, Map<String, Object>> outbox) {
    if (outbox.isEmpty()) {
      return;
    }
    f.put(OUTBOX, outbox);
    f.put(
        OUTBOX_SINCE,
        outbox.values().stream()
            .map(e -> (Timestamp) e.get("at"))
            .min(Comparator.naturalOrder())
            .orElseThrow());
  }

  private static void putIfSet(Map<String, Object> f, String name, Object value) {
    if (value != null) {
      f.put(name, value);
    }
  }

  private static Double decimal(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
