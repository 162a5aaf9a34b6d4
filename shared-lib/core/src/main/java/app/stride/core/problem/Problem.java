package app.stride.core.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 9457 problem details document. Serialised as {@code application/problem+json}. Never
 * carries a stack trace or an internal message. Extension members (RFC 9457 section 3.2), such as
 * {@code homeRegion} or {@code reason}, are serialised at the top level next to the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    @JsonIgnore Map<String, String> extensions) {
  private static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance", "errors");

  /** The media type of a problem document. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    if (extensions.keySet().stream().anyMatch(RESERVED::contains)) {
      throw new IllegalArgumentException("an extension member cannot replace a standard one");
    }
  }

  /** A problem without extension members. */
  public Problem(
      URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, Map.of());
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
    return new Problem(type, title, status, detail, instance, errors, extensions);
  }

  /** This problem with one more extension member. */
  public Problem with(String member, String value) {
    Map<String, String> next = new LinkedHashMap<>(extensions);
    next.put(member, value);
    return new Problem(type, title, status, detail, instance, errors, next);
  }

  /** The extension members, written at the top level of the JSON document. */
  @JsonAnyGetter
  Map<String, String> members() {
    return extensions;
  }
}
