package app.stride.profiles.domain;

/**
 * The training volume the user aims for each week.
 *
 * @param distanceM metres per week, or null
 * @param durationMin minutes per week, or null
 */
public record WeeklyVolume(Double distanceM, Integer durationMin) {}
