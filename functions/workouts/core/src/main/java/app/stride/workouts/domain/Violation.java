package app.stride.workouts.domain;

/**
 * One broken rule of a workout.
 *
 * @param pointer the JSON pointer of the offending field in the workout's input form, e.g. {@code
 *     /distance}
 * @param message what is wrong, naming the limit
 */
public record Violation(String pointer, String message) {}
