package app.stride.planner.application.port.in;

import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Start a plan. Checks what needs no plan or clock: exactly one of start and target date, a known
 * time zone, distinct preferred days matching the days a week. The plan-dependent rules (known
 * plan, days a week, dates) are the use case's.
 *
 * @param planId the library plan, e.g. {@code running-10k-beginner}
 * @param startDate the first day, or null when {@code targetDate} is given
 * @param targetDate the race day, or null when {@code startDate} is given
 * @param daysPerWeek training days a week
 * @param preferredDays the weekdays; empty for the default spread
 * @param timeZone the IANA zone the plan's days are counted in
 */
public record StartPlanCommand(
    String planId,
    LocalDate startDate,
    LocalDate targetDate,
    int daysPerWeek,
    List<DayOfWeek> preferredDays,
    ZoneId timeZone) {

  public StartPlanCommand {
    preferredDays = preferredDays == null ? List.of() : List.copyOf(preferredDays);
  }

  /**
   * A command from request values.
   *
   * @throws ProblemException {@code validation-failed} naming every failed check
   */
  public static StartPlanCommand of(
      String planId,
      LocalDate startDate,
      LocalDate targetDate,
      int daysPerWeek,
      List<DayOfWeek> preferredDays,
      String timeZone) {
    List<FieldError> errors = new ArrayList<>();
    if ((startDate == null) == (targetDate == null)) {
      errors.add(new FieldError("/startDate", "give either startDate or targetDate, not both"));
    }
    ZoneId zone = null;
    try {
      zone = ZoneId.of(timeZone);
    } catch (DateTimeException | NullPointerException e) {
      errors.add(new FieldError("/timeZone", "is not a known IANA time zone"));
    }
    List<DayOfWeek> days = preferredDays == null ? List.of() : preferredDays;
    if (new HashSet<>(days).size() != days.size()) {
      errors.add(new FieldError("/preferredDays", "names a day twice"));
    } else if (!days.isEmpty() && days.size() != daysPerWeek) {
      errors.add(
          new FieldError(
              "/preferredDays", "must name exactly daysPerWeek (" + daysPerWeek + ") days"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new StartPlanCommand(planId, startDate, targetDate, daysPerWeek, days, zone);
  }
}
