package app.stride.devices.files;

import app.stride.devices.domain.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The derived quantities of a sample stream, used where a file does not state them: distance over
 * positions, moving time and elevation gain. docs/devices-files.md states the rules.
 */
public final class TrackMath {
  /** Mean Earth radius (IUGG), metres. */
  static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Below this average speed an interval counts as a pause. */
  public static final double PAUSE_SPEED_METERS_PER_SECOND = 0.5;

  /** An interval longer than this (or three median intervals, if longer) counts as a pause. */
  public static final Duration PAUSE_GAP = Duration.ofSeconds(10);

  /** A climb counts once the altitude has risen this much above the last low point. */
  public static final double ELEVATION_HYSTERESIS_METERS = 3.0;

  private TrackMath() {}

  /** The great-circle distance between two positions in degrees, metres (haversine). */
  public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }

  /**
   * The distance over the positions of each segment (not across segment breaks), or null when fewer
   * than two samples of any segment carry a position.
   */
  public static Double distanceMeters(List<List<Sample>> segments) {
    double total = 0;
    boolean any = false;
    for (List<Sample> segment : segments) {
      Sample previous = null;
      for (Sample s : segment) {
        if (!s.hasPosition()) {
          continue;
        }
        if (previous != null) {
          total += step(previous, s);
          any = true;
        }
        previous = s;
      }
    }
    return any ? total : null;
  }

  /**
   * The moving time: the sum of the intervals between consecutive samples of a segment whose
   * average speed is at least {@link #PAUSE_SPEED_METERS_PER_SECOND} and which are not longer than
   * {@link #PAUSE_GAP} or three times the median interval, whichever is longer. An interval whose
   * speed cannot be known (no positions, distances nor speeds) counts as moving.
   */
  public static Duration movingTime(List<List<Sample>> segments) {
    long gapLimitMillis = Math.max(PAUSE_GAP.toMillis(), 3 * medianIntervalMillis(segments));
    long moving = 0;
    for (List<Sample> segment : segments) {
      for (int i = 1; i < segment.size(); i++) {
        Sample a = segment.get(i - 1);
        Sample b = segment.get(i);
        long dt = Duration.between(a.time(), b.time()).toMillis();
        if (dt <= 0 || dt > gapLimitMillis) {
          continue;
        }
        Double speed = intervalSpeed(a, b, dt / 1000.0);
        if (speed == null || speed >= PAUSE_SPEED_METERS_PER_SECOND) {
          moving += dt;
        }
      }
    }
    return Duration.ofMillis(moving);
  }

  /**
   * The total ascent over the altitudes in time order with a hysteresis of {@link
   * #ELEVATION_HYSTERESIS_METERS} (noise below it is not counted), or null when no sample has an
   * altitude.
   */
  public static Double elevationGainMeters(List<Sample> samples) {
    Double reference = null;
    double gain = 0;
    for (Sample s : samples) {
      Double altitude = s.altitudeMeters();
      if (altitude == null) {
        continue;
      }
      if (reference == null) {
        reference = altitude;
      } else if (altitude >= reference + ELEVATION_HYSTERESIS_METERS) {
        gain += altitude - reference;
        reference = altitude;
      } else if (altitude <= reference - ELEVATION_HYSTERESIS_METERS) {
        reference = altitude;
      }
    }
    return reference == null ? null : gain;
  }

  private static double step(Sample a, Sample b) {
    return haversineMeters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
  }

  private static Double intervalSpeed(Sample a, Sample b, double seconds) {
    if (a.hasPosition() && b.hasPosition()) {
      return step(a, b) / seconds;
    }
    if (a.distanceMeters() != null && b.distanceMeters() != null) {
      return (b.distanceMeters() - a.distanceMeters()) / seconds;
    }
    if (b.speedMetersPerSecond() != null) {
      return b.speedMetersPerSecond();
    }
    return null;
  }

  private static long medianIntervalMillis(List<List<Sample>> segments) {
    List<Long> intervals = new ArrayList<>();
    for (List<Sample> segment : segments) {
      for (int i = 1; i < segment.size(); i++) {
        long dt = Duration.between(segment.get(i - 1).time(), segment.get(i).time()).toMillis();
        if (dt > 0) {
          intervals.add(dt);
        }
      }
    }
    if (intervals.isEmpty()) {
      return 0;
    }
    intervals.sort(null);
    return intervals.get(intervals.size() / 2);
  }
}
