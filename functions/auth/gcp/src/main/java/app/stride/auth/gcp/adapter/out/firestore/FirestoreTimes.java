package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored. Firestore timestamps keep microseconds, the domain's instants carry
 * nanoseconds, and expiry and revocation checks compare them exactly. So a domain instant is stored
 * as ISO-8601 text with all nine fraction digits ({@code 2026-03-01T08:15:30.123456789Z}: exact,
 * and sortable as text); timestamps are kept for what Firestore itself reads, the TTL field and
 * query ordering.
 */
final class FirestoreTimes {
  private static final DateTimeFormatter EXACT =
      new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

  private FirestoreTimes() {}

  /** The exact text of {@code instant}, or null. */
  static String exact(Instant instant) {
    return instant == null ? null : EXACT.format(instant);
  }

  /** The instant of an exact text, or null. */
  static Instant fromExact(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /**
   * The TTL timestamp of an expiry: rounded up to the microsecond, so Firestore's TTL never removes
   * a document before the domain considers it expired.
   */
  static Timestamp ttl(Instant expiresAt) {
    Instant up = expiresAt.truncatedTo(ChronoUnit.MICROS);
    if (up.isBefore(expiresAt)) {
      up = up.plus(1, ChronoUnit.MICROS);
    }
    return toTimestamp(up);
  }

  /** A timestamp for ordering (microseconds suffice). */
  static Timestamp toTimestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }
}
