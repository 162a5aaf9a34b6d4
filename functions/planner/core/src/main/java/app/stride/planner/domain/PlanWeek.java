package app.stride.planner.domain;

import java.util.List;
import java.util.Objects;

/**
 * One week of a template, its sessions in the order they are meant to be done.
 *
 * @param focusKey the message key of the week's focus (base, build, recovery, taper...)
 * @param sessions one to seven sessions (at most one a day)
 */
public record PlanWeek(String focusKey, List<TemplateSession> sessions) {
  public PlanWeek {
    Objects.requireNonNull(focusKey, "focusKey");
    sessions = List.copyOf(sessions);
    if (sessions.isEmpty() || sessions.size() > 7) {
      throw new IllegalArgumentException("a week has 1 to 7 sessions, at most one a day");
    }
  }

  /** How many sessions this week cannot drop. */
  public int requiredCount() {
    return (int) sessions.stream().filter(s -> !s.optional()).count();
  }
}
