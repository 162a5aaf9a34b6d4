package app.stride.testkit.server;

/** A local server could not be started; the message says what is missing and how to fix it. */
public final class ServerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a human-readable cause and fix. */
  public ServerStartException(String message) {
    super(message);
  }

  /** Creates the exception with a human-readable cause and the underlying failure. */
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
