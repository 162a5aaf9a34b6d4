package app.stride.devices.domain;

import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The ULID-like form of the ids here: a prefix and 26 lower-case Crockford base32 characters, the
 * first 10 the creation time in milliseconds, the last 16 80 random bits; ids sort by creation time
 * as strings (the same form as workout ids).
 */
final class TimeOrderedId {
  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int TIME_CHARS = 10;
  private static final int RANDOM_CHARS = 16;

  private TimeOrderedId() {}

  static Pattern form(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "[0-9a-hjkmnp-tv-z]{26}");
  }

  static String next(String prefix, Instant now, RandomGenerator random) {
    StringBuilder id = new StringBuilder(prefix);
    long millis = now.toEpochMilli();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      id.append(ALPHABET.charAt((int) ((millis >>> (5 * i)) & 31)));
    }
    for (int i = 0; i < RANDOM_CHARS; i++) {
      id.append(ALPHABET.charAt(random.nextInt(32)));
    }
    return id.toString();
  }
}
