package app.stride.planner.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.planner.domain.ScheduledPlan;
import java.util.List;

/**
 * A user starts plans and follows them in their home region: pauses and resumes, abandons, and
 * marks sessions done (optionally from a recorded workout), skipped or moved. Bad input changes
 * nothing.
 */
public interface ManageMyPlansUseCase {
  /**
   * Starts a plan.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} for an unknown plan,
   *     a start date in the past, a race day too close for the plan, days a week the plan does not
   *     fit; {@code conflict} when the user already follows the most plans allowed at once
   */
  ScheduledPlan start(Principal caller, StartPlanCommand command);

  /** The caller's plans, oldest first. */
  List<ScheduledPlan> list(Principal caller);

  /**
   * One of the caller's plans.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}
   */
  ScheduledPlan get(Principal caller, String myPlanId);

  /**
   * Pauses an active plan from today (in the plan's zone).
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code conflict} when not
   *     active
   */
  ScheduledPlan pause(Principal caller, String myPlanId);

  /**
   * Resumes a paused plan today: the suspended sessions move by the paused days.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code conflict} when not
   *     paused
   */
  ScheduledPlan resume(Principal caller, String myPlanId);

  /**
   * Abandons a plan; it stays listed, out of the schedule.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code conflict} when
   *     already abandoned
   */
  ScheduledPlan abandon(Principal caller, String myPlanId);

  /**
   * Marks a session done, skipped, moved or planned again.
   *
   * @return the plan after the change
   * @throws app.stride.core.problem.ProblemException {@code not-found} for an unknown plan or
   *     session, {@code validation-failed} for a workout that is not the caller's or whose sport
   *     does not fit, or a move into the past; {@code conflict} on an abandoned plan or a session
   *     suspended by a pause
   */
  ScheduledPlan changeSession(
      Principal caller, String myPlanId, String sessionId, SessionChangeCommand change);
}
