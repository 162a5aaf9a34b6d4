package app.stride.events.activity.v1;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants shared by the activity event payloads, checked by their compact constructors so a
 * producer cannot build an event its schema would refuse.
 */
final class ActivityNumbers {
  /** The sports an activity event may name, as on the wire (the same as the workout events). */
  static final Set<String> SPORTS =
      Set.of(
          "running",
          "cycling",
          "swimming",
          "walking",
          "hiking",
          "yoga",
          "strength",
          "rowing",
          "other");

  /** The providers' wire names. */
  static final Set<String> PROVIDERS =
      Set.of(
          "garmin",
          "strava",
          "polar",
          "suunto",
          "fitbit",
          "wahoo",
          "coros",
          "apple-health",
          "health-connect",
          "upload");

  private static final Pattern ACTIVITY_ID = Pattern.compile("a_[0-9a-hjkmnp-tv-z]{26}");
  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,15}");
  private static final Pattern UTC_OFFSET = Pattern.compile("[+-](0[0-9]|1[0-4]):[0-5][0-9]");

  private ActivityNumbers() {}

  static void requireIdentity(String activityId, String userId, String homeRegion, long version) {
    Objects.requireNonNull(activityId, "activityId");
    if (!ACTIVITY_ID.matcher(activityId).matches()) {
      throw new IllegalArgumentException("invalid activityId: " + activityId);
    }
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (!REGION.matcher(homeRegion).matches()) {
      throw new IllegalArgumentException("invalid homeRegion: " + homeRegion);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
  }

  static void requireNumbers(
      String sport,
      Instant startTime,
      String utcOffset,
      double elapsedSeconds,
      double movingSeconds,
      Double distanceMeters,
      Double elevationGainMeters) {
    Objects.requireNonNull(sport, "sport");
    if (!SPORTS.contains(sport)) {
      throw new IllegalArgumentException("unknown sport: " + sport);
    }
    Objects.requireNonNull(startTime, "startTime");
    if (utcOffset != null && !UTC_OFFSET.matcher(utcOffset).matches()) {
      throw new IllegalArgumentException("invalid utcOffset (+HH:MM or -HH:MM): " + utcOffset);
    }
    requireNonNegative(elapsedSeconds, "elapsedSeconds");
    requireNonNegative(movingSeconds, "movingSeconds");
    if (distanceMeters != null) {
      requireNonNegative(distanceMeters, "distanceMeters");
    }
    if (elevationGainMeters != null) {
      requireNonNegative(elevationGainMeters, "elevationGainMeters");
    }
  }

  /** A copy of {@code sources}: known providers, unique, at least {@code minSize}. */
  static List<String> requireSources(List<String> sources, int minSize) {
    List<String> copy = List.copyOf(Objects.requireNonNull(sources, "sources"));
    if (copy.size() < minSize || new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(
          "sources must be unique and hold at least " + minSize + ": " + copy);
    }
    if (!PROVIDERS.containsAll(copy)) {
      throw new IllegalArgumentException("unknown provider in sources: " + copy);
    }
    return copy;
  }

  static String source(String region) {
    return "/stride/" + region + "/devices";
  }

  private static void requireNonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
