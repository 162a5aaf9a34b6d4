/**
 * Workouts: a user's hand-recorded workouts, kept in their home region. {@link
 * app.stride.workouts.WorkoutsFunctions} wires the capability from its ports.
 */
package app.stride.workouts;
