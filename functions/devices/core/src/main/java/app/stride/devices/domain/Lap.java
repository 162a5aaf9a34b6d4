package app.stride.devices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A lap (or split) of an activity.
 *
 * @param start when the lap started
 * @param elapsed its elapsed time
 * @param distanceMeters its distance, null when the device recorded none
 */
public record Lap(Instant start, Duration elapsed, Double distanceMeters) {
  public Lap {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
