/**
 * The planner on Google Cloud: configuration, the Spring initializer and the Cloud Functions entry
 * points {@link app.stride.planner.gcp.PlannerHttpFunction} and {@link
 * app.stride.planner.gcp.PlannerUserEraserFunction} (pushed account deletions).
 */
package app.stride.planner.gcp;
