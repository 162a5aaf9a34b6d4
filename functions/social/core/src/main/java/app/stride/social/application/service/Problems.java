package app.stride.social.application.service;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.Map;

/** The problems the social use cases answer with. */
final class Problems {
  private Problems() {}

  static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  static ProblemException busy() {
    return new ProblemException(
        ProblemType.CONFLICT, "The group changed while this request was applied; retry.");
  }

  /** The object lives in {@code region}: its API there serves it. */
  static ProblemException elsewhere(String what, String region) {
    return new ProblemException(
        Problem.of(ProblemType.WRONG_REGION, "This " + what + " lives in region " + region + ".")
            .with("homeRegion", region),
        Map.of(),
        null);
  }
}
