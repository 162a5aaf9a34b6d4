package app.stride.core.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by use cases and adapters to answer with a problem. The function glue turns it into an
 * {@code application/problem+json} response; anything else thrown becomes a bare 500 {@code
 * internal} problem.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of(), null);
  }

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public ProblemException(ProblemType type, String detail, Throwable cause) {
    this(Problem.of(type, detail), Map.of(), cause);
  }

  public ProblemException(Problem problem, Map<String, String> headers, Throwable cause) {
    super(problem.type() + ": " + problem.detail(), cause);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /** A validation failure listing each failed check. */
  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(Problem.invalid(errors));
  }

  /** A validation failure of one field. */
  public static ProblemException invalid(String pointer, String message) {
    return invalid(List.of(new FieldError(pointer, message)));
  }

  public Problem problem() {
    return problem;
  }

  /** Extra response headers, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
