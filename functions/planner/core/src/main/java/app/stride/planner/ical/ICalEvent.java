package app.stride.planner.ical;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One all-day event ({@code VEVENT} with {@code DTSTART;VALUE=DATE}).
 *
 * @param uid the globally unique, stable id (the same on every fetch, so calendar apps update the
 *     event instead of adding another)
 * @param day the day
 * @param summary the title
 * @param description the longer text; may be empty
 * @param status confirmed or cancelled
 * @param marker a value for {@value ICalendar#MARKER_PROPERTY}, e.g. {@code done}; empty for none
 */
public record ICalEvent(
    String uid,
    LocalDate day,
    String summary,
    String description,
    Status status,
    Optional<String> marker) {

  /** The {@code STATUS} values of a {@code VEVENT} this writer uses. */
  public enum Status {
    CONFIRMED,
    CANCELLED
  }

  public ICalEvent {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description;
    marker = marker == null ? Optional.empty() : marker;
    if (uid.isBlank() || uid.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException("a UID is printable text without spaces: " + uid);
    }
  }
}
