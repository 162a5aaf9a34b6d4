package app.stride.devices.gcp.adapter.out.workouts;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Reads a user's recorded workouts from {@code users/{userId}/workouts} (the workouts capability's
 * documents, the same field names as its DynamoDB items) ordered by {@code startKey} ({@code
 * <ISO-8601 instant, whole seconds>#<workoutId>}, single-field index, automatic), newest first, by
 * the owner's path, so another user's workout is never read. Delete markers have no {@code
 * startKey}, so the range never holds them. Read-only: no method writes.
 *
 * <p>Start keys sort by time only among whole-second instants: the bounds are rounded up to whole
 * seconds, which keeps {@code [from, to)} exact for such starts.
 */
public final class FirestoreRecordedWorkouts implements RecordedWorkouts {
  static final String USERS = "users";
  static final String WORKOUTS = "workouts";
  static final String START_KEY = "startKey";

  private final Firestore firestore;
  private final ResidencyGuard guard;

  public FirestoreRecordedWorkouts(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public List<WorkoutSummary> startingBetween(
      UserId userId, Instant from, Instant to, int limit, RegionId home) {
    guard.requireHome(home);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
    Instant lower = wholeSecondUp(from);
    Instant upper = wholeSecondUp(to);
    if (!lower.isBefore(upper)) {
      return List.of();
    }
    Query query =
        firestore
            .collection(USERS)
            .document(userId.value())
            .collection(WORKOUTS)
            .whereGreaterThanOrEqualTo(START_KEY, lower.toString())
            .whereLessThan(START_KEY, upper.toString())
            .orderBy(START_KEY, Query.Direction.DESCENDING)
            .limit(limit);
    return FirestoreCalls.await(query.get()).getDocuments().stream()
        .filter(d -> d.getString("sport") != null && d.getString("startTime") != null)
        .map(FirestoreRecordedWorkouts::summary)
        .toList();
  }

  private static WorkoutSummary summary(DocumentSnapshot d) {
    Instant start = Instant.parse(d.getString("startTime"));
    Long duration = d.getLong("durationSeconds");
    Long heartRate = d.getLong("averageHeartRate");
    return new WorkoutSummary(
        d.getId(),
        d.getString("sport"),
        start,
        offset(d.getString("timeZone"), start),
        Duration.ofSeconds(duration == null ? 0 : duration),
        d.getDouble("distanceMeters"),
        heartRate == null ? null : heartRate.intValue());
  }

  /** The zone's offset at {@code start}; null for no zone or one this JVM does not know. */
  private static ZoneOffset offset(String timeZone, Instant start) {
    if (timeZone == null) {
      return null;
    }
    try {
      return ZoneId.of(timeZone).getRules().getOffset(start);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant wholeSecondUp(Instant at) {
    Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(at) ? whole : whole.plusSeconds(1);
  }
}
