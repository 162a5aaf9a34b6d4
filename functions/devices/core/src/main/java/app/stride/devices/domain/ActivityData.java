package app.stride.devices.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The normalised content of one recorded activity, whatever its source: what a parser or an app
 * upload produces and what is stored. Quantities in SI units.
 *
 * @param sport the sport, mapped from the source's code
 * @param startTime when it started
 * @param utcOffset the offset of the place it was recorded at, null when the source does not say
 * @param elapsed from start to end, pauses included
 * @param moving the time spent moving (pauses excluded); equals {@code elapsed} when unknown
 * @param distanceMeters the distance, null for activities without one
 * @param elevationGainMeters the total ascent, null when the source has no altitude
 * @param stats summary measurements
 * @param laps laps in order, possibly empty
 * @param samples the sample stream in time order, possibly empty
 * @param device the recording device's name (e.g. {@code Garmin fenix 5}), null when unknown
 */
public record ActivityData(
    Sport sport,
    Instant startTime,
    ZoneOffset utcOffset,
    Duration elapsed,
    Duration moving,
    Double distanceMeters,
    Double elevationGainMeters,
    SummaryStats stats,
    List<Lap> laps,
    List<Sample> samples,
    String device) {

  public ActivityData {
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(moving, "moving");
    Objects.requireNonNull(stats, "stats");
    if (elapsed.isNegative() || moving.isNegative() || moving.compareTo(elapsed) > 0) {
      throw new IllegalArgumentException("need 0 <= moving <= elapsed");
    }
    if (distanceMeters != null && !(distanceMeters >= 0)) {
      throw new IllegalArgumentException("distance must be >= 0");
    }
    laps = List.copyOf(laps);
    samples = List.copyOf(samples);
  }

  /** When the activity ended (start plus elapsed). */
  public Instant endTime() {
    return startTime.plus(elapsed);
  }

  /**
   * Whether {@code other} has the same summary: every field but the samples, durations (the laps'
   * too) to the millisecond, the precision the stores keep, so what a store reads back compares
   * equal to the recording it was written from.
   */
  public boolean sameSummaryAs(ActivityData other) {
    return atStoredPrecision().equals(other.atStoredPrecision());
  }

  /** Whether {@code other} starts at the same instant and lasts as long (to the millisecond). */
  public boolean sameSpanAs(ActivityData other) {
    return startTime.equals(other.startTime) && millis(elapsed).equals(millis(other.elapsed));
  }

  private ActivityData atStoredPrecision() {
    return new ActivityData(
        sport,
        startTime,
        utcOffset,
        millis(elapsed),
        millis(moving),
        distanceMeters,
        elevationGainMeters,
        stats,
        laps.stream()
            .map(l -> new Lap(l.start(), millis(l.elapsed()), l.distanceMeters()))
            .toList(),
        List.of(),
        device);
  }

  private static Duration millis(Duration d) {
    return d.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The same activity without its sample stream (what the summary store keeps). */
  public ActivityData withoutSamples() {
    return new ActivityData(
        sport,
        startTime,
        utcOffset,
        elapsed,
        moving,
        distanceMeters,
        elevationGainMeters,
        stats,
        laps,
        List.of(),
        device);
  }
}
