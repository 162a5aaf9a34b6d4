package app.stride.planner.application.port.out;

import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanTemplate;
import java.util.List;
import java.util.Optional;

/** The plan templates, every version of each. */
public interface PlanLibraryPort {
  /** The latest version of every plan, in library order. */
  List<PlanTemplate> latest();

  /** The latest version of plan {@code id}; empty when the library has no such plan. */
  Optional<PlanTemplate> latest(PlanId id);

  /** Version {@code version} of plan {@code id}; empty when the library does not have it. */
  Optional<PlanTemplate> find(PlanId id, int version);
}
