package app.stride.core.store;

/**
 * A conditional write lost: the item was created, changed or deleted since the caller read it. Use
 * cases map it to {@code 412 precondition-failed} when the client sent a version, or retry
 * otherwise.
 */
public class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VersionConflictException(String message) {
    super(message);
  }

  public VersionConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
