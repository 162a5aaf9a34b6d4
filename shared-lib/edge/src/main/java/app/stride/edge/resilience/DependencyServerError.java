package app.stride.edge.resilience;

/**
 * A dependency answered with a server error ({@code 5xx}). Thrown inside a guarded HTTP call by
 * {@link OutboundHttp} so that it counts as a failure; a fallback receives it, and without one the
 * caller gets a {@code 503 dependency-unavailable} problem instead. Carries the status only, never
 * the body, which could echo request data.
 */
public final class DependencyServerError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** {@code dependency} answered {@code status}. */
  public DependencyServerError(String dependency, int status) {
    super(dependency + " answered " + status);
    this.status = status;
  }

  /** The HTTP status the dependency answered. */
  public int status() {
    return status;
  }
}
