package app.stride.auth.token;

/**
 * A stored key ring could not be read. The message names the problem, never key material; the
 * parser's own exception is deliberately not attached, as its message may quote the input.
 */
public final class KeyRingFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KeyRingFormatException(String message) {
    super(message);
  }
}
