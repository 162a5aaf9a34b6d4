/**
 * The planner: a library of versioned running and yoga plans, the plans a user follows in their
 * home region, and their dated schedule. {@link app.stride.planner.PlannerFunctions} wires the
 * capability from its ports.
 */
package app.stride.planner;
