package app.stride.devices.connection;

/** A token ciphertext could not be decrypted. The message never holds key or token material. */
public final class TokenCipherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenCipherException(String message) {
    super(message);
  }

  public TokenCipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
