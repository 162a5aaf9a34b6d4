package app.stride.devices.pull;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.sports.SportMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A Strava activity ({@code GET /activities/{id}}, a DetailedActivity) and its streams ({@code
 * key_by_type=true}: an object keyed by stream type, each with a {@code data} array; an array of
 * typed streams is read too) turned into {@link ActivityData} through the same {@link
 * ActivityDraft} the file parsers fill, so the same plausibility checks apply. Units are Strava's:
 * metres, seconds, m/s; cadence as Strava reports it (per leg for runs, like FIT records).
 */
final class StravaActivities {
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private StravaActivities() {}

  /**
   * @param activity the activity's JSON object
   * @param streams the streams' JSON, null when the activity has none (manual entries)
   */
  static ActivityData toActivityData(JsonNode activity, JsonNode streams)
      throws ActivityFileException {
    ActivityDraft draft = new ActivityDraft();
    String type = text(activity, "sport_type");
    draft.sport = SportMapping.fromStrava(type != null ? type : text(activity, "type"));
    draft.start = instant(text(activity, "start_date"));
    if (draft.start == null) {
      throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the activity has no start date");
    }
    Double offset = number(activity, "utc_offset");
    if (offset != null && Math.abs(offset) <= MAX_OFFSET_SECONDS) {
      draft.utcOffset = ZoneOffset.ofTotalSeconds((int) Math.round(offset));
    }
    draft.elapsed = seconds(number(activity, "elapsed_time"));
    draft.moving = seconds(number(activity, "moving_time"));
    if (draft.elapsed == null) {
      throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the activity has no elapsed time");
    }
    draft.distanceMeters = number(activity, "distance");
    draft.elevationGainMeters = number(activity, "total_elevation_gain");
    draft.averageHeartRate = rounded(number(activity, "average_heartrate"));
    draft.maxHeartRate = rounded(number(activity, "max_heartrate"));
    draft.averageCadence = rounded(number(activity, "average_cadence"));
    draft.averagePowerWatts = rounded(number(activity, "average_watts"));
    draft.maxPowerWatts = rounded(number(activity, "max_watts"));
    draft.averageSpeed = number(activity, "average_speed");
    draft.maxSpeed = number(activity, "max_speed");
    draft.device = text(activity, "device_name");
    for (JsonNode lap : array(activity, "laps")) {
      Instant start = instant(text(lap, "start_date"));
      Duration elapsed = seconds(number(lap, "elapsed_time"));
      if (start != null && elapsed != null) {
        draft.laps.add(new Lap(start, elapsed, number(lap, "distance")));
      }
    }
    if (streams != null) {
      samples(draft, streams);
    }
    return draft.build();
  }

  private static void samples(ActivityDraft draft, JsonNode streams) throws ActivityFileException {
    List<JsonNode> time = stream(streams, "time");
    if (time.isEmpty()) {
      return;
    }
    List<JsonNode> latlng = stream(streams, "latlng");
    List<JsonNode> distance = stream(streams, "distance");
    List<JsonNode> altitude = stream(streams, "altitude");
    List<JsonNode> heartrate = stream(streams, "heartrate");
    List<JsonNode> cadence = stream(streams, "cadence");
    List<JsonNode> watts = stream(streams, "watts");
    List<JsonNode> velocity = stream(streams, "velocity_smooth");
    List<Sample> segment = draft.newSegment();
    for (int i = 0; i < time.size(); i++) {
      Double offset = number(time.get(i));
      if (offset == null || offset < 0) {
        throw new ActivityFileException(
            FailureCode.IMPLAUSIBLE_ACTIVITY, "a stream time is missing or negative");
      }
      Double lat = null;
      Double lng = null;
      if (i < latlng.size()) {
        List<JsonNode> pair = elements(latlng.get(i));
        if (pair.size() == 2 && number(pair.get(0)) != null && number(pair.get(1)) != null) {
          lat = number(pair.get(0));
          lng = number(pair.get(1));
          if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            throw new ActivityFileException(
                FailureCode.IMPLAUSIBLE_ACTIVITY, "a stream position is off the globe");
          }
        }
      }
      segment.add(
          new Sample(
              draft.start.plusMillis(Math.round(offset * 1000)),
              lat,
              lng,
              at(altitude, i),
              rounded(at(heartrate, i)),
              rounded(at(cadence, i)),
              rounded(at(watts, i)),
              at(velocity, i),
              at(distance, i)));
    }
  }

  /** A stream's data points, empty when the activity has no such stream. */
  private static List<JsonNode> stream(JsonNode streams, String type) {
    JsonNode keyed = streams.isObject() ? streams.get(type) : null;
    if (keyed != null) {
      return array(keyed, "data");
    }
    for (JsonNode typed : elements(streams)) {
      if (type.equals(text(typed, "type"))) {
        return array(typed, "data");
      }
    }
    return List.of();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private static Double number(JsonNode node, String field) {
    return number(node == null ? null : node.get(field));
  }

  private static Double number(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    double d = value.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  private static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isArray() ? elements(value) : List.of();
  }

  private static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(list::add);
    }
    return list;
  }

  private static Double at(List<JsonNode> data, int i) {
    return i < data.size() ? number(data.get(i)) : null;
  }

  private static Integer rounded(Double value) {
    return value == null || Math.abs(value) > Integer.MAX_VALUE ? null : (int) Math.round(value);
  }

  private static Duration seconds(Double value) {
    return value == null || value < 0 ? null : Duration.ofMillis(Math.round(value * 1000));
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
