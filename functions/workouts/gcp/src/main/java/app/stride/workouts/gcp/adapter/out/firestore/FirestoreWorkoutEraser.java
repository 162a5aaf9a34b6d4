package app.stride.workouts.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.workouts.application.port.out.EraseWorkoutsPort;
import app.stride.workouts.domain.UserId;
import com.google.cloud.firestore.Firestore;
import java.util.Objects;

/**
 * The data eraser's store: a deleted user's workouts and idempotency claims ({@code
 * users/<id>/workouts}, {@code users/<id>/workoutIdempotency}) and nothing else under the user's
 * document, which the planner and devices share; without the rest of {@link FirestoreWorkoutStore},
 * which needs the cursor key the eraser is not given.
 */
public final class FirestoreWorkoutEraser implements EraseWorkoutsPort {
  private final Firestore firestore;
  private final ResidencyGuard guard;

  public FirestoreWorkoutEraser(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    var user = firestore.collection(WorkoutDocument.USERS).document(userId.value());
    return CollectionEraser.eraseAll(firestore, user.collection(WorkoutDocument.COLLECTION))
        + CollectionEraser.eraseAll(firestore, user.collection(FirestoreWorkoutStore.CLAIMS));
  }
}
