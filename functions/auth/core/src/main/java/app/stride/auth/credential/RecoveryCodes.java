package app.stride.auth.credential;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One-time recovery codes for two-factor accounts: {@value #COUNT} codes like {@code
 * k7qm-3xtd-9bfw} (12 characters of Crockford base32 = 60 random bits), stored as SHA-256 hashes.
 * Input is forgiving: case, dashes and spaces are ignored, and {@code o}, {@code i}, {@code l} are
 * read as {@code 0}, {@code 1}, {@code 1}. Thread-safe.
 */
public final class RecoveryCodes {

  /** Codes per generation. */
  public static final int COUNT = 10;

  /** Crockford's base32: no i, l, o, u, so codes are easy to read and type. */
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  private static final int GROUPS = 3;
  private static final int GROUP_LENGTH = 4;

  private final SecureRandom random = new SecureRandom();

  /** {@value #COUNT} distinct fresh codes, to show to the user once. */
  public List<String> generate() {
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < COUNT) {
      codes.add(newCode());
    }
    return List.copyOf(codes);
  }

  /** The stored form: SHA-256 over the normalized code, base64url without padding. */
  public String hash(String code) {
    return Sha256.base64Url(normalize(code));
  }

  /**
   * The index of the stored hash the code matches, to be marked as used by the caller. Every hash
   * is compared in constant time, without stopping at the first match. {@code null} entries (used
   * codes) never match.
   */
  public OptionalInt match(String code, List<String> hashes) {
    if (code == null || hashes == null) {
      return OptionalInt.empty();
    }
    String candidate = hash(code);
    int found = -1;
    for (int i = 0; i < hashes.size(); i++) {
      if (Sha256.sameHash(candidate, hashes.get(i)) && found < 0) {
        found = i;
      }
    }
    return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
  }

  /** Lower case, without dashes or whitespace, with Crockford's look-alike substitutions. */
  static String normalize(String code) {
    StringBuilder out = new StringBuilder(GROUPS * GROUP_LENGTH);
    code.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(c -> c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .map(RecoveryCodes::readAlike)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static int readAlike(int c) {
    return switch (c) {
      case 'o' -> '0';
      case 'i', 'l' -> '1';
      default -> c;
    };
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
    for (int group = 0; group < GROUPS; group++) {
      if (group > 0) {
        code.append('-');
      }
      for (int i = 0; i < GROUP_LENGTH; i++) {
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return code.toString();
  }
}
