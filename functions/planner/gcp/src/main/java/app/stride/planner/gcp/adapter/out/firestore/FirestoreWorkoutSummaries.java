package app.stride.planner.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.planner.application.port.out.LoadWorkoutSummaryPort;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads workouts from {@code users/{userId}/workouts/{workoutId}} (the workouts capability's
 * documents, field names fixed in the issue-5 plan) by the owner's path, so another user's workout
 * is never found. Read-only.
 */
public final class FirestoreWorkoutSummaries implements LoadWorkoutSummaryPort {
  /** The workouts subcollection of a user. */
  static final String WORKOUTS = "workouts";

  private final Firestore firestore;
  private final ResidencyGuard guard;

  public FirestoreWorkoutSummaries(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<WorkoutSummary> load(UserId userId, String workoutId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot =
        FirestoreCalls.await(
            firestore
                .collection(MyPlanDocument.USERS)
                .document(userId.value())
                .collection(WORKOUTS)
                .document(workoutId)
                .get());
    if (!snapshot.exists() || snapshot.getString("sport") == null) {
      return Optional.empty();
    }
    Long duration = snapshot.getLong("durationSeconds");
    return Optional.of(
        new WorkoutSummary(
            snapshot.getId(),
            snapshot.getString("sport"),
            instant(snapshot.get("startTime")),
            duration == null ? 0 : duration,
            snapshot.getDouble("distanceMeters")));
  }

  /** The start time, stored as an ISO-8601 string (or, tolerated, a Firestore timestamp). */
  private static Instant instant(Object value) {
    if (value instanceof String text) {
      return Instant.parse(text);
    }
    if (value instanceof Timestamp timestamp) {
      return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
    return null;
  }
}
