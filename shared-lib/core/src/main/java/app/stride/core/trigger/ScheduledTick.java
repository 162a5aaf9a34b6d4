package app.stride.core.trigger;

import java.time.Instant;

/**
 * One firing of a schedule.
 *
 * @param id the scheduler's invocation id
 * @param schedule the schedule's name
 * @param time when the schedule fired
 */
public record ScheduledTick(String id, String schedule, Instant time) {}
