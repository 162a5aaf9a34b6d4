package app.stride.planner.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.planner.application.port.in.BrowsePlansUseCase;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.Sport;
import java.util.List;
import java.util.Optional;

/** Serves {@link BrowsePlansUseCase} from the library. */
public final class PlanLibraryService implements BrowsePlansUseCase {
  private final PlanLibraryPort library;

  public PlanLibraryService(PlanLibraryPort library) {
    this.library = library;
  }

  @Override
  public List<PlanTemplate> list(Optional<Sport> sport) {
    return library.latest().stream()
        .filter(plan -> sport.map(s -> plan.sport() == s).orElse(true))
        .toList();
  }

  @Override
  public PlanTemplate get(String planId) {
    return Optional.ofNullable(planId)
        .filter(PlanId::isWellFormed)
        .flatMap(id -> library.latest(new PlanId(id)))
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "The library has no plan '" + planId + "'."));
  }
}
