package app.stride.workouts.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.WorkoutId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers which workout a client's {@code Idempotency-Key} recorded, with a single conditional
 * write of its own: the claim is written before the workout, naming the id the workout gets, so a
 * retry after a crash between the two writes records the workout under the same id.
 */
public interface IdempotencyPort {
  /**
   * Claims {@code claim.key()} for {@code userId} unless a live claim of that key exists.
   *
   * @return empty when this call claimed the key; otherwise the existing claim (an expired claim
   *     counts as absent and is replaced)
   * @throws app.stride.core.store.VersionConflictException when a concurrent claim won between
   *     reading and writing (the caller reads again)
   */
  Optional<Claim> claim(UserId userId, Claim claim, RegionId home);

  /**
   * One use of an idempotency key.
   *
   * @param key the client's key
   * @param fingerprint the fingerprint of the workout the first request carried
   * @param workoutId the id of the workout recorded (or to be recorded) for it
   * @param expiresAt when the claim lapses (the store's TTL removes it later)
   */
  record Claim(String key, String fingerprint, WorkoutId workoutId, Instant expiresAt) {
    public Claim {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(workoutId, "workoutId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }
}
