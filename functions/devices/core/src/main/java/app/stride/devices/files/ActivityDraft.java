package app.stride.devices.files;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What a parser has read of one activity, mutable while it reads. {@link #build()} fills what the
 * file did not state from the sample stream ({@link TrackMath}), checks plausibility and returns a
 * complete {@link ActivityData} or fails: a parser never returns a half-built activity.
 */
public final class ActivityDraft {
  /** The longest activity accepted. */
  public static final Duration MAX_ELAPSED = Duration.ofDays(7);

  /** The fastest average speed accepted (540 km/h covers everything a person records). */
  public static final double MAX_AVERAGE_SPEED = 150.0;

  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  private static final int MAX_DEVICE_LENGTH = 100;

  public Sport sport = Sport.OTHER;
  public Instant start;
  public ZoneOffset utcOffset;
  public Duration elapsed;
  public Duration moving;
  public Double distanceMeters;
  public Double elevationGainMeters;
  public Integer averageHeartRate;
  public Integer maxHeartRate;
  public Integer averageCadence;
  public Integer averagePowerWatts;
  public Integer maxPowerWatts;
  public Double averageSpeed;
  public Double maxSpeed;
  public String device;
  public final List<Lap> laps = new ArrayList<>();

  /**
   * Samples by recording segment (a GPX {@code trkseg}, a TCX {@code Track}); breaks are pauses.
   */
  public final List<List<Sample>> segments = new ArrayList<>();

  /** Starts a new segment and returns it for the parser to fill. */
  public List<Sample> newSegment() {
    List<Sample> segment = new ArrayList<>();
    segments.add(segment);
    return segment;
  }

  /** Whether any sample was read. */
  public boolean hasSamples() {
    return segments.stream().anyMatch(s -> !s.isEmpty());
  }

  /**
   * The complete activity.
   *
   * @throws ActivityFileException {@code no-activity} without a start time, {@code
   *     implausible-activity} when the values cannot be true
   */
  public ActivityData build() throws ActivityFileException {
    segments.removeIf(List::isEmpty);
    segments.forEach(s -> s.sort(Comparator.comparing(Sample::time)));
    List<Sample> samples = new ArrayList<>();
    segments.forEach(samples::addAll);
    samples.sort(Comparator.comparing(Sample::time));

    Instant first = samples.isEmpty() ? null : samples.get(0).time();
    Instant last = samples.isEmpty() ? null : samples.get(samples.size() - 1).time();
    Instant begin = start != null ? start : first;
    if (begin == null) {
      throw new ActivityFileException(
          FailureCode.NO_ACTIVITY, "the file has no start time and no timed samples");
    }
    Duration total =
        elapsed != null ? elapsed : last == null ? Duration.ZERO : Duration.between(begin, last);
    check(!total.isNegative(), "the activity ends before it starts");
    check(total.compareTo(MAX_ELAPSED) <= 0, "the activity lasts longer than 7 days");
    check(!begin.isBefore(EARLIEST) && begin.isBefore(LATEST), "the start time is not plausible");

    Duration active = moving != null ? moving : samples.isEmpty() ? total : movingOf(total);
    check(!active.isNegative(), "the moving time is negative");
    if (active.compareTo(total) > 0) {
      // Timer totals are rounded apart from the elapsed time; a small excess is rounding.
      Duration excess = active.minus(total);
      check(
          excess.compareTo(Duration.ofSeconds(2)) <= 0
              || excess.toMillis() <= total.toMillis() / 100,
          "the moving time exceeds the elapsed time");
      active = total;
    }

    Double distance = distanceMeters;
    if (distance == null) {
      distance = lastDistance(samples);
    }
    if (distance == null) {
      distance = TrackMath.distanceMeters(segments);
    }
    checkQuantity(distance, "distance");
    if (distance != null && active.toMillis() > 0) {
      check(
          distance / (active.toMillis() / 1000.0) <= MAX_AVERAGE_SPEED,
          "the average speed is not plausible");
    }
    Double gain =
        elevationGainMeters != null ? elevationGainMeters : TrackMath.elevationGainMeters(samples);
    checkQuantity(gain, "elevation gain");

    SummaryStats stats = stats(samples, distance, active);
    String deviceName = cleanDevice(device);
    try {
      return new ActivityData(
          Objects.requireNonNull(sport, "sport"),
          begin,
          utcOffset,
          total,
          active,
          distance,
          gain,
          stats,
          laps,
          samples,
          deviceName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ActivityFileException(
          FailureCode.IMPLAUSIBLE_ACTIVITY, "the activity's values are inconsistent", e);
    }
  }

  private Duration movingOf(Duration total) {
    Duration computed = TrackMath.movingTime(segments);
    return computed.compareTo(total) > 0 ? total : computed;
  }

  private SummaryStats stats(List<Sample> samples, Double distance, Duration active) {
    Double avgSpeed = averageSpeed;
    if (avgSpeed == null && distance != null && active.toMillis() > 0) {
      avgSpeed = distance / (active.toMillis() / 1000.0);
    }
    return new SummaryStats(
        averageHeartRate != null ? averageHeartRate : meanInt(samples, Sample::heartRate),
        maxHeartRate != null ? maxHeartRate : maxInt(samples, Sample::heartRate),
        averageCadence != null ? averageCadence : meanInt(samples, Sample::cadence),
        averagePowerWatts != null ? averagePowerWatts : meanInt(samples, Sample::powerWatts),
        maxPowerWatts != null ? maxPowerWatts : maxInt(samples, Sample::powerWatts),
        finiteOrNull(avgSpeed),
        finiteOrNull(maxSpeed != null ? maxSpeed : maxDouble(samples)));
  }

  private static Integer meanInt(List<Sample> samples, Function<Sample, Integer> field) {
    OptionalDouble mean =
        samples.stream().map(field).filter(Objects::nonNull).mapToInt(Integer::intValue).average();
    return mean.isPresent() ? (int) Math.round(mean.getAsDouble()) : null;
  }

  private static Integer maxInt(List<Sample> samples, Function<Sample, Integer> field) {
    return samples.stream().map(field).filter(Objects::nonNull).max(Integer::compare).orElse(null);
  }

  private static Double maxDouble(List<Sample> samples) {
    return samples.stream()
        .map(Sample::speedMetersPerSecond)
        .filter(Objects::nonNull)
        .max(Double::compare)
        .orElse(null);
  }

  private static Double lastDistance(List<Sample> samples) {
    for (int i = samples.size() - 1; i >= 0; i--) {
      if (samples.get(i).distanceMeters() != null) {
        return samples.get(i).distanceMeters();
      }
    }
    return null;
  }

  private static Double finiteOrNull(Double value) {
    return value == null || !Double.isFinite(value) ? null : value;
  }

  private static void checkQuantity(Double value, String name) throws ActivityFileException {
    check(value == null || (Double.isFinite(value) && value >= 0), "the " + name + " is negative");
  }

  private static void check(boolean condition, String detail) throws ActivityFileException {
    if (!condition) {
      throw new ActivityFileException(FailureCode.IMPLAUSIBLE_ACTIVITY, detail);
    }
  }

  private static String cleanDevice(String name) {
    if (name == null) {
      return null;
    }
    String clean = name.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      return null;
    }
    return clean.length() > MAX_DEVICE_LENGTH ? clean.substring(0, MAX_DEVICE_LENGTH) : clean;
  }
}
