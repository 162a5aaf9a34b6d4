package app.stride.workouts.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.workouts.domain.LengthUnit;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's JSON form of a workout. Input has passed the spec's {@code WorkoutInput} schema, so the
 * reads here only translate: quantities arrive as {@code {"value": 3.1, "unit": "mi"}} (the unit
 * defaults to the caller's unit system) and are stored in SI; answers carry SI fields plus a {@code
 * display} block in the caller's unit system.
 */
final class WorkoutJson {
  static final String DISTANCE = "distance";
  static final String ELEVATION_GAIN = "elevationGain";

  private WorkoutJson() {}

  /**
   * A draft from a {@code WorkoutInput}-valid body, reading unit-less quantities in {@code units}.
   */
  static WorkoutDraft toDraft(JsonNode body, UnitSystem units) {
    return new WorkoutDraft(
        Sport.fromWire(body.path("sport").asString()),
        text(body, "title"),
        OffsetDateTime.parse(body.path("startTime").asString()).toInstant(),
        body.path("timeZone").asString(),
        body.path("durationSeconds").asLong(),
        metres(body.get(DISTANCE), units.distanceUnit()),
        metres(body.get(ELEVATION_GAIN), units.elevationUnit()),
        integer(body, "averageHeartRate"),
        integer(body, "maxHeartRate"),
        integer(body, "perceivedEffort"),
        text(body, "notes"));
  }

  /** The stored draft in the shape of {@code WorkoutInput}, quantities in metres. */
  static ObjectNode toInput(WorkoutDraft d) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("sport", d.sport().wire());
    putIfSet(node, "title", d.title());
    node.put("startTime", d.startTime().toString());
    node.put("timeZone", d.timeZone());
    node.put("durationSeconds", d.durationSeconds());
    if (d.distanceMeters() != null) {
      quantity(node.putObject(DISTANCE), d.distanceMeters(), "m");
    }
    if (d.elevationGainMeters() != null) {
      quantity(node.putObject(ELEVATION_GAIN), d.elevationGainMeters(), "m");
    }
    putIfSet(node, "averageHeartRate", d.averageHeartRate());
    putIfSet(node, "maxHeartRate", d.maxHeartRate());
    putIfSet(node, "perceivedEffort", d.perceivedEffort());
    putIfSet(node, "notes", d.notes());
    return node;
  }

  /**
   * A flat merge patch (RFC 7396 on the top level): {@code null} removes a member, anything else
   * replaces it whole, so a patched quantity never mixes a new value with the old unit.
   */
  static ObjectNode merge(ObjectNode current, JsonNode patch) {
    ObjectNode merged = current.deepCopy();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        merged.remove(member.getKey());
      } else {
        merged.set(member.getKey(), member.getValue().deepCopy());
      }
    }
    return merged;
  }

  /** The response body of a workout, with its display block in {@code units}. */
  static ObjectNode toResource(Workout w, UnitSystem units) {
    WorkoutDraft d = w.draft();
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("workoutId", w.id().value());
    node.put("sport", d.sport().wire());
    putIfSet(node, "title", d.title());
    node.put("startTime", d.startTime().toString());
    node.put("timeZone", d.timeZone());
    node.put("durationSeconds", d.durationSeconds());
    putIfSet(node, "distanceMeters", d.distanceMeters());
    putIfSet(node, "elevationGainMeters", d.elevationGainMeters());
    putIfSet(node, "averageHeartRate", d.averageHeartRate());
    putIfSet(node, "maxHeartRate", d.maxHeartRate());
    putIfSet(node, "perceivedEffort", d.perceivedEffort());
    putIfSet(node, "notes", d.notes());
    node.put("version", w.version());
    node.put("recordedAt", w.recordedAt().toString());
    node.put("updatedAt", w.updatedAt().toString());
    node.set("display", DisplayBlock.of(d, units));
    return node;
  }

  private static Double metres(JsonNode quantity, LengthUnit defaultUnit) {
    if (quantity == null || quantity.isNull()) {
      return null;
    }
    LengthUnit unit =
        quantity.hasNonNull("unit")
            ? LengthUnit.fromWire(quantity.get("unit").asString())
            : defaultUnit;
    return unit.toMetres(quantity.path("value").asDouble());
  }

  private static void quantity(ObjectNode node, double value, String unit) {
    node.put("value", value);
    node.put("unit", unit);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asInt() : null;
  }

  private static void putIfSet(ObjectNode node, String field, Object value) {
    if (value instanceof String s) {
      node.put(field, s);
    } else if (value instanceof Integer i) {
      node.put(field, i);
    } else if (value instanceof Double x) {
      node.put(field, x);
    } else if (value instanceof Instant t) {
      node.put(field, t.toString());
    }
  }
}
