package app.stride.devices.domain;

import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of one written sample stream of an activity: {@code s_} and 26 time-ordered base32
 * characters. Every stream write gets a new one, so two writers of the same activity never write
 * the same object; the activity records the id of the stream it shows ({@link Activity#streamId}).
 */
public record StreamId(String value) {
  private static final Pattern FORM = TimeOrderedId.form("s_");

  public StreamId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("id must match " + FORM.pattern());
    }
  }

  /** A new id created at {@code now}. */
  public static StreamId next(Instant now, RandomGenerator random) {
    return new StreamId(TimeOrderedId.next("s_", now, random));
  }

  @Override
  public String toString() {
    return value;
  }
}
