package app.stride.devices.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of an activity's sample stream; every measurement may be absent (null) when the device
 * did not record it.
 *
 * @param time when the sample was taken
 * @param latitude degrees, WGS 84
 * @param longitude degrees, WGS 84
 * @param altitudeMeters metres above sea level
 * @param heartRate beats per minute
 * @param cadence steps (running) or revolutions (cycling) per minute
 * @param powerWatts watts
 * @param speedMetersPerSecond metres per second
 * @param distanceMeters the distance covered since the start, metres
 */
public record Sample(
    Instant time,
    Double latitude,
    Double longitude,
    Double altitudeMeters,
    Integer heartRate,
    Integer cadence,
    Integer powerWatts,
    Double speedMetersPerSecond,
    Double distanceMeters) {

  public Sample {
    Objects.requireNonNull(time, "time");
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("a position needs both latitude and longitude");
    }
  }

  /** Whether this sample carries a position. */
  public boolean hasPosition() {
    return latitude != null;
  }
}
