package app.stride.auth.credential;

/**
 * A password refused by the {@link PasswordPolicy}. The message names the rule only, never the
 * password.
 */
public final class WeakPasswordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  WeakPasswordException(String reason) {
    super("password refused: " + reason);
    this.reason = reason;
  }

  /**
   * The rule that refused the password: {@code too-short}, {@code too-long}, {@code common}, {@code
   * contains-email} or {@code repetitive}.
   */
  public String reason() {
    return reason;
  }
}
