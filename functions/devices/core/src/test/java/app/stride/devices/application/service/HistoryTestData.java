package app.stride.devices.application.service;

import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/** Activities and recorded workouts for the history tests. */
public final class HistoryTestData {
  private static final Random RANDOM = new Random(7);
  private static final String BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

  private HistoryTestData() {}

  /** A stored running activity of {@code owner} from Garmin. */
  public static Activity anActivity(
      UserId owner, Instant start, Duration elapsed, Double distanceMeters) {
    ActivityData data =
        new ActivityData(
            Sport.RUNNING,
            start,
            ZoneOffset.ofHours(2),
            elapsed,
            elapsed,
            distanceMeters,
            null,
            new SummaryStats(151, 170, null, null, null, null, null),
            List.of(),
            List.of(),
            "Garmin fenix 5");
    ActivitySource source =
        new ActivitySource(Provider.GARMIN, "g-" + start.getEpochSecond(), null, null, start);
    return Activity.imported(ActivityId.next(start, RANDOM), owner, data, source, null, start);
  }

  /** A recorded running workout without heart rate. */
  public static WorkoutSummary aWorkout(Instant start, Duration duration, Double distanceMeters) {
    return new WorkoutSummary(
        workoutId(), "running", start, ZoneOffset.ofHours(1), duration, distanceMeters, null);
  }

  /** A fresh workout id ({@code w_} + 26 base32 characters). */
  public static String workoutId() {
    StringBuilder id = new StringBuilder("w_");
    for (int i = 0; i < 26; i++) {
      id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
    }
    return id.toString();
  }
}
