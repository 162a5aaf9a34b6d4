package app.stride.auth.credential;

/**
 * An email address that cannot be used as a login identifier. The message is safe to show to the
 * user and never contains the address itself.
 */
public final class InvalidEmailException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  InvalidEmailException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * A stable, machine-readable reason: {@code blank}, {@code too-long}, {@code invalid-encoding},
   * {@code invalid-characters}, {@code malformed}, {@code invalid-local-part} or {@code
   * invalid-domain}.
   */
  public String reason() {
    return reason;
  }
}
