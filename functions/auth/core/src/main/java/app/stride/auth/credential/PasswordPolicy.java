package app.stride.auth.credential;

import java.util.Locale;
import java.util.Set;

/**
 * Password rules per NIST 800-63B: length counted in Unicode code points (an emoji counts as one),
 * no composition rules (no "one digit, one symbol"), and a refusal of passwords that are known to
 * be common, contain the account's email local part, or repeat a single character.
 *
 * <p>The password is NFKC-normalized first, the same normalization the {@link PasswordHasher}
 * applies.
 */
public final class PasswordPolicy {

  /** Minimum length in code points. */
  public static final int MIN_LENGTH = 12;

  /** Maximum length in code points (bounds hashing cost and request size). */
  public static final int MAX_LENGTH = 128;

  private static final int MIN_LOCAL_PART_TO_CHECK = 3;

  private final Set<String> commonPasswords;

  PasswordPolicy(Set<String> commonPasswords) {
    this.commonPasswords = Set.copyOf(commonPasswords);
  }

  /** The standard policy with zxcvbn's common-password list. */
  public static PasswordPolicy standard() {
    return new PasswordPolicy(CommonPasswords.zxcvbn());
  }

  /**
   * Checks a new password.
   *
   * @param password the candidate password
   * @param email the account's email, or {@code null} when there is none (social-only accounts)
   * @throws WeakPasswordException naming the first rule the password breaks
   */
  public void check(String password, EmailAddress email) {
    if (password == null) {
      throw new WeakPasswordException("too-short");
    }
    String normalized = PasswordText.normalize(password);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH) {
      throw new WeakPasswordException("too-short");
    }
    if (length > MAX_LENGTH) {
      throw new WeakPasswordException("too-long");
    }
    if (normalized.codePoints().distinct().count() == 1) {
      throw new WeakPasswordException("repetitive");
    }
    String lower = normalized.toLowerCase(Locale.ROOT);
    if (commonPasswords.contains(lower)) {
      throw new WeakPasswordException("common");
    }
    if (email != null && containsLocalPart(lower, email)) {
      throw new WeakPasswordException("contains-email");
    }
  }

  /** Checks the whole local part and, with plus addressing, the part before the {@code +}. */
  private static boolean containsLocalPart(String lowerPassword, EmailAddress email) {
    String local = PasswordText.normalize(email.localPart()).toLowerCase(Locale.ROOT);
    int plus = local.indexOf('+');
    return containsIfLongEnough(lowerPassword, local)
        || (plus > 0 && containsIfLongEnough(lowerPassword, local.substring(0, plus)));
  }

  private static boolean containsIfLongEnough(String lowerPassword, String part) {
    return part.codePointCount(0, part.length()) >= MIN_LOCAL_PART_TO_CHECK
        && lowerPassword.contains(part);
  }
}
