/**
 * The planner on Google Cloud: configuration, the Spring initializer and the Cloud Functions entry
 * point {@link app.stride.planner.gcp.PlannerHttpFunction}.
 */
package app.stride.planner.gcp;
