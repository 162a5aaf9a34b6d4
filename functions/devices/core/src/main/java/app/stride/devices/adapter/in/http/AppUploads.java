package app.stride.devices.adapter.in.http;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.sports.SportMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Decodes an {@code AppActivityUpload} (schema-validated before it gets here): HealthKit and Health
 * Connect workouts with their route and heart-rate samples, merged into one time-ordered stream.
 */
final class AppUploads {
  private AppUploads() {}

  /** The platform the upload comes from. */
  static Provider source(JsonNode body) {
    return Provider.fromWire(body.path("source").asString());
  }

  /**
   * The upload's workouts as activities.
   *
   * @throws IllegalArgumentException with a failure code when a workout is not plausible
   */
  static List<ActivityData> decode(JsonNode body) throws ImportRefusal {
    Provider source = source(body);
    List<ActivityData> activities = new ArrayList<>();
    int index = 0;
    for (JsonNode w : body.path("workouts")) {
      activities.add(workout(source, w, index++));
    }
    return activities;
  }

  private static ActivityData workout(Provider source, JsonNode w, int index) throws ImportRefusal {
    Instant start = Instant.parse(w.path("startTime").asString());
    Instant end = Instant.parse(w.path("endTime").asString());
    if (!end.isAfter(start) || Duration.between(start, end).toHours() > 48) {
      throw new ImportRefusal(
          new ImportFailure(
              "implausible-activity",
              "Workout " + index + " must end after it starts and last at most 48 hours."));
    }
    Sport sport = sport(source, w.path("activityType").asString());
    TreeMap<Instant, Sample> stream = new TreeMap<>();
    for (JsonNode p : w.path("route")) {
      Instant t = Instant.parse(p.path("time").asString());
      Double alt = p.has("altitudeMeters") ? p.path("altitudeMeters").asDouble() : null;
      stream.put(
          t,
          new Sample(
              t,
              p.path("latitude").asDouble(),
              p.path("longitude").asDouble(),
              alt,
              null,
              null,
              null,
              null,
              null));
    }
    for (JsonNode h : w.path("heartRate")) {
      Instant t = Instant.parse(h.path("time").asString());
      int bpm = h.path("bpm").asInt();
      Sample at = stream.get(t);
      stream.put(
          t,
          at == null
              ? new Sample(t, null, null, null, bpm, null, null, null, null)
              : new Sample(
                  t,
                  at.latitude(),
                  at.longitude(),
                  at.altitudeMeters(),
                  bpm,
                  null,
                  null,
                  null,
                  null));
    }
    Duration elapsed = Duration.between(start, end);
    SummaryStats stats =
        new SummaryStats(
            integer(w, "averageHeartRate"),
            integer(w, "maxHeartRate"),
            null,
            null,
            null,
            null,
            null);
    ZoneOffset offset =
        w.has("utcOffsetSeconds")
            ? ZoneOffset.ofTotalSeconds(w.path("utcOffsetSeconds").asInt())
            : null;
    return new ActivityData(
        sport,
        start,
        offset,
        elapsed,
        elapsed,
        number(w, "distanceMeters"),
        number(w, "elevationGainMeters"),
        stats,
        List.of(),
        List.copyOf(stream.values()),
        w.has("device") ? w.path("device").asString() : null);
  }

  private static Sport sport(Provider source, String type) {
    boolean numeric = type.chars().allMatch(Character::isDigit) && type.length() < 6;
    if (source == Provider.APPLE_HEALTH) {
      return numeric ? SportMapping.fromHealthKit(Integer.parseInt(type)) : healthKit(type);
    }
    return numeric
        ? SportMapping.fromHealthConnect(Integer.parseInt(type))
        : SportMapping.fromHealthConnect(type);
  }

  private static Sport healthKit(String type) {
    return SportMapping.fromHealthKit(type);
  }

  private static Integer integer(JsonNode node, String name) {
    return node.has(name) ? node.path(name).asInt() : null;
  }

  private static Double number(JsonNode node, String name) {
    return node.has(name) ? node.path(name).asDouble() : null;
  }

  /** An upload whose content cannot be imported. */
  static final class ImportRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ImportFailure failure;

    ImportRefusal(ImportFailure failure) {
      super(failure.code(), null, false, false);
      this.failure = failure;
    }

    ImportFailure failure() {
      return failure;
    }
  }
}
