package app.stride.devices.domain;

/**
 * The summary measurements of an activity; each null when the source has no such data.
 *
 * @param averageHeartRate beats per minute
 * @param maxHeartRate beats per minute
 * @param averageCadence per minute
 * @param averagePowerWatts watts
 * @param maxPowerWatts watts
 * @param averageSpeedMetersPerSecond over the moving time
 * @param maxSpeedMetersPerSecond metres per second
 */
public record SummaryStats(
    Integer averageHeartRate,
    Integer maxHeartRate,
    Integer averageCadence,
    Integer averagePowerWatts,
    Integer maxPowerWatts,
    Double averageSpeedMetersPerSecond,
    Double maxSpeedMetersPerSecond) {

  /** No measurements at all. */
  public static final SummaryStats NONE =
      new SummaryStats(null, null, null, null, null, null, null);
}
