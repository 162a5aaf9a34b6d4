package app.stride.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details document. Serialised as {@code application/problem+json}. Never
 * carries a stack trace or an internal message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

  /** The media type of a problem document. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A problem of the given type with a human-readable detail. */
  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
  }

  /** A validation problem listing each failed check. */
  public static Problem invalid(List<FieldError> errors) {
    ProblemType type = ProblemType.VALIDATION_FAILED;
    return new Problem(
        type.uri(),
        type.title(),
        type.status(),
        errors.size() == 1 ? errors.get(0).message() : errors.size() + " checks failed",
        null,
        errors);
  }

  /** This problem, for the given request path. */
  public Problem at(String instance) {
    return new Problem(type, title, status, detail, instance, errors);
  }
}
