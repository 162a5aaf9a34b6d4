package app.stride.workouts.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of a workout: {@code w_} and 26 lower-case Crockford base32 characters, a ULID-like id
 * whose first 10 characters are the creation time in milliseconds and whose last 16 are 80 random
 * bits. Ids sort by creation time as strings; the planner and the stores rely on this form.
 */
public record WorkoutId(String value) {
  /** The lower-case Crockford base32 alphabet (no i, l, o, u). */
  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  private static final Pattern FORM = Pattern.compile("w_[0-9a-hjkmnp-tv-z]{26}");
  private static final int TIME_CHARS = 10;
  private static final int RANDOM_CHARS = 16;

  public WorkoutId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("workout id must match " + FORM.pattern());
    }
  }

  /** A new id created at {@code now}, its random part drawn from {@code random}. */
  public static WorkoutId next(Instant now, RandomGenerator random) {
    StringBuilder id = new StringBuilder("w_");
    long millis = now.toEpochMilli();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      id.append(ALPHABET.charAt((int) ((millis >>> (5 * i)) & 31)));
    }
    for (int i = 0; i < RANDOM_CHARS; i++) {
      id.append(ALPHABET.charAt(random.nextInt(32)));
    }
    return new WorkoutId(id.toString());
  }

  /** The id {@code value} stands for, or empty when it is not a workout id. */
  public static Optional<WorkoutId> parse(String value) {
    return value != null && FORM.matcher(value).matches()
        ? Optional.of(new WorkoutId(value))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
