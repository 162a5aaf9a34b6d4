package app.stride.workouts.application.port.out;

/** A region's workout store: what each cloud module implements in one adapter. */
public interface WorkoutStore
    extends LoadWorkoutPort,
        SaveWorkoutPort,
        WorkoutOutboxPort,
        IdempotencyPort,
        EraseWorkoutsPort {}
