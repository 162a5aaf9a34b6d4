package app.stride.auth.application.service;

import app.stride.auth.credential.EmailAddress;
import app.stride.auth.credential.InvalidEmailException;
import app.stride.auth.credential.PasswordPolicy;
import app.stride.auth.credential.WeakPasswordException;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.Map;

/** Input checks the schema cannot express, answered as problems that name the field. */
final class Inputs {
  private Inputs() {}

  static EmailAddress email(String raw) {
    try {
      return EmailAddress.parse(raw);
    } catch (InvalidEmailException e) {
      throw ProblemException.invalid("/email", "is not a valid email address");
    }
  }

  static void strongPassword(PasswordPolicy policy, String password, EmailAddress email) {
    try {
      policy.check(password, email);
    } catch (WeakPasswordException e) {
      throw new ProblemException(
          Problem.of(ProblemType.WEAK_PASSWORD, e.getMessage()).with("reason", e.reason()),
          Map.of(),
          null);
    }
  }

  static ProblemException emailNotVerified() {
    return new ProblemException(
        ProblemType.EMAIL_NOT_VERIFIED,
        "Confirm your email address first; we have sent you a new link.");
  }
}
