package app.stride.aws.lambda;

import app.stride.core.trigger.ScheduledTick;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.List;

/**
 * Translates EventBridge Scheduler invocations to a {@link ScheduledTick}. Infra gives each
 * schedule an input in the scheduled-event shape ({@code id} = {@code
 * <aws.scheduler.execution-id>}, {@code time} = {@code <aws.scheduler.scheduled-time>}, {@code
 * resources} = [{@code <aws.scheduler.schedule-arn>}]); the schedule's name is the last segment of
 * that ARN.
 */
public final class ScheduleEvents {
  private ScheduleEvents() {}

  /** The tick of a scheduled event; a missing time reads as now. */
  public static ScheduledTick toTick(ScheduledEvent event) {
    Instant time =
        event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
    return new ScheduledTick(event.getId(), scheduleName(event.getResources()), time);
  }

  private static String scheduleName(List<String> resources) {
    if (resources == null || resources.isEmpty() || resources.get(0) == null) {
      return "unknown";
    }
    String arn = resources.get(0);
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
