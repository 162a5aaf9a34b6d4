/**
 * The workout model: {@code Workout}, {@code WorkoutDraft} (SI units), value types and {@code
 * PlausibilityRules}. Plain Java, no framework or SDK imports (an ArchUnit test keeps it so).
 */
package app.stride.workouts.domain;
