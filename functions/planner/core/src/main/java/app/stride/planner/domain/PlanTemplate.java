package app.stride.planner.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned plan of the library: weeks of sessions, every text a message key.
 *
 * <p>A race plan ({@code raceDistanceMeters} set) ends with its race: the last session of the last
 * week, required, and the only race of the plan. The days a week a user may choose run from the
 * most required sessions of any week to the most sessions of any week.
 *
 * @param id the plan id
 * @param version the template version; a started plan keeps the version it started with
 * @param sport the sport
 * @param level who it is for
 * @param titleKey message key of the title
 * @param descriptionKey message key of the description
 * @param raceDistanceMeters the race distance, null for a plan without a race
 * @param weeks the weeks, in order
 */
public record PlanTemplate(
    PlanId id,
    int version,
    Sport sport,
    Level level,
    String titleKey,
    String descriptionKey,
    Integer raceDistanceMeters,
    List<PlanWeek> weeks) {
  public PlanTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(titleKey, "titleKey");
    Objects.requireNonNull(descriptionKey, "descriptionKey");
    weeks = List.copyOf(weeks);
    if (version < 1 || weeks.isEmpty() || weeks.size() > 52) {
      throw new IllegalArgumentException(id + ": version >= 1 and 1 to 52 weeks");
    }
    checkRace(id, raceDistanceMeters, weeks);
  }

  private static void checkRace(PlanId id, Integer raceDistanceMeters, List<PlanWeek> weeks) {
    long races =
        weeks.stream()
            .flatMap(w -> w.sessions().stream())
            .filter(s -> s.type() == SessionType.RACE)
            .count();
    if (raceDistanceMeters == null) {
      if (races != 0) {
        throw new IllegalArgumentException(id + ": a race session in a plan without a race");
      }
      return;
    }
    List<TemplateSession> last = weeks.get(weeks.size() - 1).sessions();
    TemplateSession race = last.get(last.size() - 1);
    if (races != 1 || race.type() != SessionType.RACE || race.optional()) {
      throw new IllegalArgumentException(id + ": a race plan ends with its one required race");
    }
    if (!raceDistanceMeters.equals(race.distanceMeters())) {
      throw new IllegalArgumentException(id + ": the race session has another distance");
    }
  }

  /** Whether the plan ends with a race. */
  public boolean hasRace() {
    return raceDistanceMeters != null;
  }

  /** The fewest days a week the plan can be followed on. */
  public int minDaysPerWeek() {
    return weeks.stream().mapToInt(PlanWeek::requiredCount).max().orElseThrow();
  }

  /** The most days a week the plan has sessions for. */
  public int maxDaysPerWeek() {
    return weeks.stream().mapToInt(w -> w.sessions().size()).max().orElseThrow();
  }

  /** The plan's length in days (whole weeks). */
  public int lengthDays() {
    return weeks.size() * 7;
  }

  /** The template session {@code id} names; empty when the plan has no such session. */
  public Optional<TemplateSession> session(SessionId id) {
    if (id.week() > weeks.size()) {
      return Optional.empty();
    }
    List<TemplateSession> sessions = weeks.get(id.week() - 1).sessions();
    return id.index() > sessions.size()
        ? Optional.empty()
        : Optional.of(sessions.get(id.index() - 1));
  }
}
