package app.stride.testkit.junit;

/** Fails a test class whose server cannot run here; the message says what to install. */
public final class MissingServerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MissingServerException(String message) {
    super(message);
  }
}
