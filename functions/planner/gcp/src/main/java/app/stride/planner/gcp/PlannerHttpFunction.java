package app.stride.planner.gcp;

import app.stride.gcp.functions.StrideHttpFunction;
import app.stride.planner.PlannerFunctions;

/** The Cloud Functions entry point of the planner's HTTP routes. */
public final class PlannerHttpFunction extends StrideHttpFunction {
  public PlannerHttpFunction() {
    super(PlannerGcpApplication.class, PlannerFunctions.NAME);
  }
}
