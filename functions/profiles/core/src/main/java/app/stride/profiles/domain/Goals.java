package app.stride.profiles.domain;

/**
 * What the user trains for.
 *
 * @param text the goal in the user's words, or null
 * @param targetEvent a dated event, or null
 * @param weeklyVolume a weekly volume, or null
 */
public record Goals(String text, TargetEvent targetEvent, WeeklyVolume weeklyVolume) {}
