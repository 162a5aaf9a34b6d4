package app.stride.core.function;

import app.stride.core.http.ApiResponse;

/**
 * Serves one spec operation. Throws {@link app.stride.core.problem.ProblemException} to answer
 * 4xx/5xx.
 */
@FunctionalInterface
public interface OperationHandler {
  ApiResponse handle(ApiCall call);
}
