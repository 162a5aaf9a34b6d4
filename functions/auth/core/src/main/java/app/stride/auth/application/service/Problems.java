package app.stride.auth.application.service;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import java.time.Duration;
import java.util.Map;

/** The auth answers every use case shares; details never say whether an account exists. */
final class Problems {
  private Problems() {}

  static ProblemException invalidCredentials() {
    return new ProblemException(ProblemType.INVALID_CREDENTIALS, "The email or password is wrong.");
  }

  static ProblemException invalidCode() {
    return new ProblemException(ProblemType.INVALID_CODE, "The code is wrong or was already used.");
  }

  static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  static ProblemException throttled(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new ProblemException(
        Problem.of(
            ProblemType.RATE_LIMITED,
            "Too many attempts. Try again in " + seconds + " seconds, or reset your password."),
        Map.of("Retry-After", Long.toString(seconds)),
        null);
  }

  static ProblemException wrongRegion(RegionId home) {
    return new ProblemException(
        Problem.of(ProblemType.WRONG_REGION, "This account belongs to region " + home + ".")
            .with("homeRegion", home.value()),
        Map.of(),
        null);
  }
}
