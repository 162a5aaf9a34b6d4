package app.stride.devices.pull;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.sports.SportMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Google Health API {@code exercise} data point (Fitbit) turned into {@link ActivityData},
 * together with the activity read from its TCX export when there is one. The data point decides the
 * sport ({@link SportMapping#fromGoogleHealth}), the start with its UTC offset, the elapsed time
 * ({@code interval}) and the moving time ({@code activeDuration}); its {@code metricsSummary} gives
 * distance, elevation gain, average heart rate and speed (millimetres, mm/s, bpm). The TCX gives
 * what the summary lacks: maximum heart rate, cadence, power and speed, the laps and the sample
 * stream with the route. Without a TCX the laps come from {@code splitSummaries} (or {@code
 * splits}) and there are no samples. int64 fields arrive as JSON strings and are read either way.
 */
final class GoogleHealthExercises {
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final Pattern DURATION = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,9})?s");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,9})?");

  private GoogleHealthExercises() {}

  /**
   * @param dataPoint the data point (an object with an {@code exercise})
   * @param tcx the activity of its TCX export, or null when there is none
   * @throws ActivityFileException {@code no-activity} without an interval, {@code
   *     implausible-activity} when the values cannot be true
   */
  static ActivityData toActivityData(JsonNode dataPoint, ActivityData tcx)
      throws ActivityFileException {
    JsonNode exercise = dataPoint.get("exercise");
    JsonNode interval = exercise == null ? null : exercise.get("interval");
    Instant start = instant(interval, "startTime");
    Instant end = instant(interval, "endTime");
    if (start == null || end == null) {
      throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the exercise has no interval");
    }
    ActivityDraft draft = new ActivityDraft();
    draft.start = start;
    draft.elapsed = Duration.between(start, end);
    draft.utcOffset = offset(text(interval, "startUtcOffset"));
    draft.moving = duration(exercise.get("activeDuration"));
    Sport sport = SportMapping.fromGoogleHealth(text(exercise, "exerciseType"));
    draft.sport = sport == Sport.OTHER && tcx != null ? tcx.sport() : sport;

    JsonNode metrics = exercise.get("metricsSummary");
    Double distance = scaled(number(metrics, "distanceMillimeters"));
    Double gain = scaled(number(metrics, "elevationGainMillimeters"));
    Double heartRate = number(metrics, "averageHeartRateBeatsPerMinute");
    Double speed = scaled(number(metrics, "averageSpeedMillimetersPerSecond"));
    SummaryStats stats = tcx == null ? SummaryStats.NONE : tcx.stats();
    draft.distanceMeters = distance != null ? distance : tcx == null ? null : tcx.distanceMeters();
    draft.elevationGainMeters =
        gain != null ? gain : tcx == null ? null : tcx.elevationGainMeters();
    draft.averageHeartRate = heartRate != null ? rounded(heartRate) : stats.averageHeartRate();
    draft.maxHeartRate = stats.maxHeartRate();
    draft.averageCadence = stats.averageCadence();
    draft.averagePowerWatts = stats.averagePowerWatts();
    draft.maxPowerWatts = stats.maxPowerWatts();
    draft.averageSpeed = speed != null ? speed : stats.averageSpeedMetersPerSecond();
    draft.maxSpeed = stats.maxSpeedMetersPerSecond();

    if (tcx != null) {
      draft.device = tcx.device();
      draft.laps.addAll(tcx.laps());
      draft.newSegment().addAll(tcx.samples());
    }
    if (draft.laps.isEmpty()) {
      JsonNode splits = exercise.get("splitSummaries");
      splits(draft, splits != null ? splits : exercise.get("splits"));
    }
    return draft.build();
  }

  private static void splits(ActivityDraft draft, JsonNode splits) {
    if (splits == null || !splits.isArray()) {
      return;
    }
    for (JsonNode split : splits) {
      Instant from = instant(split, "startTime");
      Instant to = instant(split, "endTime");
      if (from != null && to != null && !to.isBefore(from)) {
        draft.laps.add(
            new Lap(
                from,
                Duration.between(from, to),
                scaled(number(split.get("metricsSummary"), "distanceMillimeters"))));
      }
    }
  }

  /** A protobuf Duration as JSON ({@code "1800s"}, {@code "-3600.5s"}), or a number of seconds. */
  private static Duration duration(JsonNode value) {
    Double seconds = null;
    if (value != null && value.isNumber()) {
      seconds = value.doubleValue();
    } else if (value != null
        && value.isString()
        && DURATION.matcher(value.stringValue()).matches()) {
      String text = value.stringValue();
      seconds = Double.parseDouble(text.substring(0, text.length() - 1));
    }
    return seconds == null || !Double.isFinite(seconds)
        ? null
        : Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static ZoneOffset offset(String value) {
    if (value == null || !DURATION.matcher(value).matches()) {
      return null;
    }
    double seconds = Double.parseDouble(value.substring(0, value.length() - 1));
    if (Math.abs(seconds) > MAX_OFFSET_SECONDS) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds((int) Math.round(seconds));
  }

  private static Double scaled(Double thousandths) {
    return thousandths == null ? null : thousandths / 1000.0;
  }

  /** A number, or a string of one (proto3 JSON writes int64 as strings). */
  private static Double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null) {
      return null;
    }
    double number;
    if (value.isNumber()) {
      number = value.doubleValue();
    } else if (value.isString() && NUMBER.matcher(value.stringValue()).matches()) {
      number = Double.parseDouble(value.stringValue());
    } else {
      return null;
    }
    return Double.isFinite(number) ? number : null;
  }

  private static Integer rounded(Double value) {
    return value == null || Math.abs(value) > Integer.MAX_VALUE ? null : (int) Math.round(value);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
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
