package app.stride.planner.application.service;

import app.stride.planner.domain.MyPlanId;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * New plan ids: {@code mp_}, 10 characters of the creation millisecond and 16 random ones, in
 * lower-case Crockford base32, so ids sort by creation time.
 */
final class MyPlanIds {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  MyPlanIds(Clock clock) {
    this.clock = clock;
  }

  MyPlanId next() {
    StringBuilder id = new StringBuilder("mp_");
    long millis = clock.millis();
    char[] time = new char[10];
    for (int i = 9; i >= 0; i--) {
      time[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    id.append(time);
    for (int i = 0; i < 16; i++) {
      id.append(ALPHABET[random.nextInt(32)]);
    }
    return new MyPlanId(id.toString());
  }
}
