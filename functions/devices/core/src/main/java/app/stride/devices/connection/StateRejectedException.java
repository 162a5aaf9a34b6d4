package app.stride.devices.connection;

/**
 * An OAuth callback's {@code state} was refused. The message names only the reason, never the state
 * or any user id; the HTTP adapter answers every reason with the same problem.
 */
public final class StateRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the state was refused. */
  public enum Reason {
    /** Not of our form at all. */
    MALFORMED,
    /** Its MAC does not match: altered or forged. */
    TAMPERED,
    /** Past its expiry. */
    EXPIRED,
    /** Issued to another user. */
    OTHER_USER,
    /** Issued for another provider. */
    OTHER_PROVIDER
  }

  private final Reason reason;

  public StateRejectedException(Reason reason) {
    super("OAuth state refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
