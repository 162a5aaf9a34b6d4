package app.stride.profiles.domain;

import java.time.LocalDate;

/**
 * An event the user trains for.
 *
 * @param name the event's name
 * @param date the event's date
 * @param distanceM the race distance in metres, or null
 */
public record TargetEvent(String name, LocalDate date, Double distanceM) {}
