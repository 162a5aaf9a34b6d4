package app.stride.planner.application.port.in;

import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.Sport;
import java.util.List;
import java.util.Optional;

/** Anyone signed in browses the plan library. */
public interface BrowsePlansUseCase {
  /** The latest version of every plan, of {@code sport} when given. */
  List<PlanTemplate> list(Optional<Sport> sport);

  /**
   * The latest version of plan {@code planId}.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found} for an unknown plan
   */
  PlanTemplate get(String planId);
}
