/**
 * Version 1 of the workout domain's events: {@link app.stride.events.workout.v1.WorkoutRecorded}
 * ({@code app.stride.workout.v1.recorded}), {@link app.stride.events.workout.v1.WorkoutUpdated}
 * ({@code app.stride.workout.v1.updated}) and {@link app.stride.events.workout.v1.WorkoutDeleted}
 * ({@code app.stride.workout.v1.deleted}), schemas under {@code events/schemas/workout/v1/}.
 */
package app.stride.events.workout.v1;
