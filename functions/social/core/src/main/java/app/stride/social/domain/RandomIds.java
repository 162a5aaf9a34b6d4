package app.stride.social.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Random parts of ids and secrets, in lower-case Crockford base32 (ids) or base64url (secrets).
 * Tests pass a seeded generator; production uses {@link SecureRandom}.
 */
public final class RandomIds {
  private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final RandomGenerator random;

  public RandomIds(RandomGenerator random) {
    this.random = random;
  }

  /** Ids from a {@link SecureRandom}. */
  public static RandomIds secure() {
    return new RandomIds(new SecureRandom());
  }

  /** {@code length} random base32 characters. */
  public String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = BASE32[random.nextInt(BASE32.length)];
    }
    return new String(chars);
  }

  /** A secret of {@code bytes} random bytes, base64url without padding. */
  public String secret(int bytes) {
    byte[] secret = new byte[bytes];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** A millisecond time as 10 base32 characters that sort as the times do. */
  static String time(long epochMillis) {
    char[] chars = new char[10];
    long rest = epochMillis;
    for (int i = 9; i >= 0; i--) {
      chars[i] = BASE32[(int) (rest & 31)];
      rest >>>= 5;
    }
    return new String(chars);
  }
}
