package app.stride.workouts.gcp;

import app.stride.gcp.functions.StrideHttpFunction;
import app.stride.workouts.WorkoutsFunctions;

/** The Cloud Functions entry point of {@code /v1/me/workouts/**}. */
public final class WorkoutsHttpFunction extends StrideHttpFunction {
  public WorkoutsHttpFunction() {
    super(WorkoutsGcpApplication.class, WorkoutsFunctions.NAME);
  }
}
