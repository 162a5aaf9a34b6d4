package app.stride.planner.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Dates the sessions of a user's plan. Pure: same template and plan, same schedule.
 *
 * <ol>
 *   <li>Plan week {@code w} covers the seven days from {@code startDate + 7(w-1)}.
 *   <li>Its sessions are the required ones plus, in template order, as many optional ones as the
 *       user's days a week leave room for.
 *   <li>They go, in template order, onto the user's weekdays in that window, spread so that the
 *       last session (usually the long run) gets the last training day.
 *   <li>A race is on the plan's last day; the race week's other sessions go on the training days
 *       before it. So a plan started for a target date has its race on exactly that day.
 *   <li>Pauses, oldest first: a session on or after a pause's first day moves by the paused days;
 *       while a pause is open, such a session has no day.
 *   <li>A logged session (done, skipped, moved) is on its logged day.
 * </ol>
 */
public final class Scheduler {
  private Scheduler() {}

  /** Every session of {@code plan}, in plan order. */
  public static List<DatedSession> sessions(PlanTemplate template, MyPlan plan) {
    List<DatedSession> dated = new ArrayList<>();
    List<PlanWeek> weeks = template.weeks();
    Set<DayOfWeek> days = Set.copyOf(plan.preferredDays());
    for (int w = 0; w < weeks.size(); w++) {
      LocalDate first = plan.startDate().plusDays(7L * w);
      List<Integer> chosen = chosen(weeks.get(w), plan.daysPerWeek());
      List<LocalDate> slots = trainingDays(first, days);
      boolean raceWeek = template.hasRace() && w == weeks.size() - 1;
      List<LocalDate> placed = new ArrayList<>();
      if (raceWeek) {
        LocalDate raceDay = first.plusDays(6);
        List<LocalDate> before = slots.stream().filter(d -> d.isBefore(raceDay)).toList();
        placed.addAll(spread(chosen.size() - 1, before));
        placed.add(raceDay);
      } else {
        placed.addAll(spread(chosen.size(), slots));
      }
      for (int i = 0; i < chosen.size(); i++) {
        SessionId id = new SessionId(w + 1, chosen.get(i) + 1);
        TemplateSession session = weeks.get(w).sessions().get(chosen.get(i));
        LocalDate planned = afterPauses(placed.get(i), plan.pauses());
        SessionLog log = plan.logs().get(id);
        dated.add(new DatedSession(id, session, planned, log != null ? log.date() : planned, log));
      }
    }
    return dated;
  }

  /** The start date that puts the race of {@code template} on {@code raceDay}. */
  public static LocalDate startForRaceDay(PlanTemplate template, LocalDate raceDay) {
    return raceDay.minusDays(template.lengthDays() - 1L);
  }

  /**
   * Training weekdays for {@code daysPerWeek} when the user names none: rest spread, Sunday long.
   */
  public static List<DayOfWeek> defaultDays(int daysPerWeek) {
    return switch (daysPerWeek) {
      case 1 -> List.of(DayOfWeek.SUNDAY);
      case 2 -> List.of(DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY);
      case 3 -> List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY);
      case 4 ->
          List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      case 5 ->
          List.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.SATURDAY,
              DayOfWeek.SUNDAY);
      case 6 ->
          List.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.SATURDAY,
              DayOfWeek.SUNDAY);
      case 7 -> List.of(DayOfWeek.values());
      default -> throw new IllegalArgumentException("1 to 7 days a week");
    };
  }

  /** Indexes of the week's sessions kept on {@code daysPerWeek} days, in template order. */
  static List<Integer> chosen(PlanWeek week, int daysPerWeek) {
    int room = Math.max(0, daysPerWeek - week.requiredCount());
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < week.sessions().size(); i++) {
      if (!week.sessions().get(i).optional()) {
        chosen.add(i);
      } else if (room > 0) {
        chosen.add(i);
        room--;
      }
    }
    return chosen;
  }

  private static List<LocalDate> trainingDays(LocalDate first, Set<DayOfWeek> days) {
    List<LocalDate> slots = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      LocalDate day = first.plusDays(d);
      if (days.contains(day.getDayOfWeek())) {
        slots.add(day);
      }
    }
    slots.sort(Comparator.naturalOrder());
    return slots;
  }

  /** {@code count} of {@code slots}, evenly spread, the last one always included. */
  static List<LocalDate> spread(int count, List<LocalDate> slots) {
    if (count > slots.size()) {
      throw new IllegalArgumentException(count + " sessions on " + slots.size() + " days");
    }
    List<LocalDate> picked = new ArrayList<>();
    if (count == 1) {
      picked.add(slots.get(slots.size() - 1));
    } else {
      double step = (slots.size() - 1) / (double) Math.max(1, count - 1);
      for (int i = 0; i < count; i++) {
        picked.add(slots.get((int) Math.round(i * step)));
      }
    }
    return picked;
  }

  private static LocalDate afterPauses(LocalDate day, List<Pause> pauses) {
    LocalDate shifted = day;
    for (Pause pause : pauses) {
      if (shifted.isBefore(pause.from())) {
        continue;
      }
      if (pause.isOpen()) {
        return null;
      }
      shifted = shifted.plusDays(pause.days());
    }
    return shifted;
  }
}
