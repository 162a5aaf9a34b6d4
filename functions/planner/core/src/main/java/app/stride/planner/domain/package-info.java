/**
 * The planner model: plan templates of the library, a user's plan with its pauses and session logs,
 * and the {@link app.stride.planner.domain.Scheduler} that dates a plan's sessions. Plain Java, no
 * framework or SDK imports (an ArchUnit test keeps it so).
 */
package app.stride.planner.domain;
