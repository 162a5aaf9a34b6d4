package app.stride.planner.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a session is. Each type belongs to a sport, except cross-training, which any non-running,
 * non-yoga activity (cycling, swimming, walking...) or either of them fulfils.
 */
public enum SessionType {
  RUN_WALK(Sport.RUNNING),
  EASY_RUN(Sport.RUNNING),
  RECOVERY_RUN(Sport.RUNNING),
  LONG_RUN(Sport.RUNNING),
  TEMPO(Sport.RUNNING),
  INTERVALS(Sport.RUNNING),
  HILLS(Sport.RUNNING),
  FARTLEK(Sport.RUNNING),
  MARATHON_PACE(Sport.RUNNING),
  RACE(Sport.RUNNING),
  CROSS_TRAINING(null),
  YOGA_FLOW(Sport.YOGA),
  YOGA_FLEXIBILITY(Sport.YOGA),
  YOGA_STRENGTH(Sport.YOGA),
  YOGA_RESTORATIVE(Sport.YOGA);

  /** Workout sports that count as running (the workouts capability's names). */
  static final Set<String> RUNNING_SPORTS = Set.of("running");

  private final Sport sport;

  SessionType(Sport sport) {
    this.sport = sport;
  }

  /** The sport of this type; null for cross-training. */
  public Sport sport() {
    return sport;
  }

  /** The wire name, e.g. {@code easy-run}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The type of a wire name. */
  public static SessionType fromWire(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown session type " + name));
  }

  /** Whether a recorded workout of {@code workoutSport} can complete a session of this type. */
  public boolean acceptsWorkoutOf(String workoutSport) {
    if (sport == null) {
      return true;
    }
    return sport == Sport.RUNNING
        ? RUNNING_SPORTS.contains(workoutSport)
        : sport.wireName().equals(workoutSport);
  }
}
