package app.stride.devices.files.xml;

import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses the text values of activity XML; a malformed value fails the file as corrupt. */
final class XmlValues {
  private static final DateTimeFormatter APPLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  private XmlValues() {}

  /** A finite decimal, null for an empty value. */
  static Double decimal(String text, String what) throws ActivityFileException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw corrupt("a " + what + " value is not a number");
  }

  /** A non-negative whole number (rounded) for HR, cadence or power; null when absent. */
  static Integer count(String text, String what) throws ActivityFileException {
    Double value = decimal(text, what);
    if (value == null || value < 0 || value > 100_000) {
      return null;
    }
    return (int) Math.round(value);
  }

  /** An ISO-8601 date-time; one without an offset is taken as UTC (as GPX prescribes). */
  static OffsetDateTime dateTime(String text) throws ActivityFileException {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw corrupt("a time value is not an ISO-8601 date-time");
      }
    }
  }

  /** An instant from {@link #dateTime}. */
  static Instant instant(String text) throws ActivityFileException {
    OffsetDateTime time = dateTime(text);
    return time == null ? null : time.toInstant();
  }

  /** Apple Health's {@code 2024-05-01 07:12:36 +0200}. */
  static OffsetDateTime appleDateTime(String text) throws ActivityFileException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip(), APPLE);
    } catch (DateTimeException e) {
      throw corrupt("a date of the Apple Health export is malformed");
    }
  }

  static ActivityFileException corrupt(String detail) {
    return new ActivityFileException(FailureCode.CORRUPT_FILE, detail);
  }
}
