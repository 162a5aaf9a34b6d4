package app.stride.devices.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an activity came from: a provider with a server API (webhooks), an app upload for the
 * platforms without one (Apple Health, Android Health Connect), or a file the user uploaded.
 */
public enum Provider {
  GARMIN,
  STRAVA,
  POLAR,
  SUUNTO,
  FITBIT,
  WAHOO,
  COROS,
  APPLE_HEALTH,
  HEALTH_CONNECT,
  UPLOAD;

  /** The wire name, e.g. {@code apple-health}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The provider of a wire name. */
  public static Provider fromWire(String value) {
    return Arrays.stream(values())
        .filter(p -> p.wire().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown provider " + value));
  }
}
