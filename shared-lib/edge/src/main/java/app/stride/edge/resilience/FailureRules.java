package app.stride.edge.resilience;

import app.stride.core.problem.ProblemException;
import app.stride.core.store.VersionConflictException;
import java.util.function.Predicate;

/**
 * Which exceptions thrown by an outbound call count against the dependency's health. A timeout
 * always counts; the rules below decide for what the call itself throws.
 */
public final class FailureRules {
  private FailureRules() {}

  /**
   * The standard rule: everything counts as a failure except the answers of a healthy dependency to
   * a request it refused, namely a {@link VersionConflictException} (a conditional write lost) and
   * a {@link ProblemException} with a status below 500 (the adapter mapped a 4xx answer). Those
   * count as successes.
   */
  public static Predicate<Throwable> standard() {
    return FailureRules::countsAsFailure;
  }

  private static boolean countsAsFailure(Throwable failure) {
    if (failure instanceof VersionConflictException) {
      return false;
    }
    if (failure instanceof ProblemException problem) {
      return problem.problem().status() >= 500;
    }
    return true;
  }
}
