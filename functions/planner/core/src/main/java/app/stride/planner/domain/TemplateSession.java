package app.stride.planner.domain;

import java.util.Objects;

/**
 * A session of a template week.
 *
 * @param type what the session is
 * @param durationMinutes how long, or null when a distance is given
 * @param distanceMeters how far, or null when a duration is given
 * @param intensity how hard
 * @param descriptionKey the message key of its instructions
 * @param optional whether it is dropped first when the user trains on fewer days
 */
public record TemplateSession(
    SessionType type,
    Integer durationMinutes,
    Integer distanceMeters,
    Intensity intensity,
    String descriptionKey,
    boolean optional) {
  public TemplateSession {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(intensity, "intensity");
    Objects.requireNonNull(descriptionKey, "descriptionKey");
    if (durationMinutes == null && distanceMeters == null) {
      throw new IllegalArgumentException("a session needs a duration or a distance");
    }
    if (durationMinutes != null && (durationMinutes < 5 || durationMinutes > 300)) {
      throw new IllegalArgumentException("duration " + durationMinutes + " min");
    }
    if (distanceMeters != null && (distanceMeters < 400 || distanceMeters > 50_000)) {
      throw new IllegalArgumentException("distance " + distanceMeters + " m");
    }
  }

  /** The message key of the type's title, e.g. {@code session.type.easy-run}. */
  public String titleKey() {
    return "session.type." + type.wireName();
  }
}
