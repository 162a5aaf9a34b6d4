package app.stride.planner;

import app.stride.planner.domain.Intensity;
import app.stride.planner.domain.Level;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.Pause;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanStatus;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.PlanWeek;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.SessionType;
import app.stride.planner.domain.Sport;
import app.stride.planner.domain.TemplateSession;
import app.stride.planner.domain.UserId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data builders for templates and users' plans. */
public final class PlannerTestData {
  private PlannerTestData() {}

  /** A running template of {@code weeks} weeks: easy, optional easy, long; a race at the end. */
  public static TemplateBuilder aTemplate() {
    return new TemplateBuilder();
  }

  /** An active plan of {@code aTemplate().build()} from Monday 2030-03-04, Tue/Thu/Sun, Berlin. */
  public static MyPlanBuilder aPlan() {
    return new MyPlanBuilder();
  }

  /** An easy run of {@code minutes}. */
  public static TemplateSession easy(int minutes) {
    return new TemplateSession(
        SessionType.EASY_RUN,
        minutes,
        null,
        new Intensity(Intensity.Scale.PACE_ZONE, 2, 2),
        "session.running.easy",
        false);
  }

  /** An optional easy run of {@code minutes}. */
  public static TemplateSession optionalEasy(int minutes) {
    return new TemplateSession(
        SessionType.EASY_RUN,
        minutes,
        null,
        new Intensity(Intensity.Scale.PACE_ZONE, 2, 2),
        "session.running.easy",
        true);
  }

  /** A long run of {@code meters}. */
  public static TemplateSession longRun(int meters) {
    return new TemplateSession(
        SessionType.LONG_RUN,
        null,
        meters,
        new Intensity(Intensity.Scale.PACE_ZONE, 2, 2),
        "session.running.long",
        false);
  }

  /** A 5K race. */
  public static TemplateSession race5k() {
    return new TemplateSession(
        SessionType.RACE,
        null,
        5000,
        new Intensity(Intensity.Scale.RPE, 7, 9),
        "session.running.race.5k",
        false);
  }

  /** Builds templates. */
  public static final class TemplateBuilder {
    private String id = "running-test-plan";
    private int version = 1;
    private int weeks = 4;
    private boolean race = true;
    private Sport sport = Sport.RUNNING;

    public TemplateBuilder withId(String id) {
      this.id = id;
      return this;
    }

    public TemplateBuilder withVersion(int version) {
      this.version = version;
      return this;
    }

    public TemplateBuilder withWeeks(int weeks) {
      this.weeks = weeks;
      return this;
    }

    public TemplateBuilder withoutRace() {
      this.race = false;
      return this;
    }

    public PlanTemplate build() {
      List<PlanWeek> list = new ArrayList<>();
      for (int w = 1; w <= weeks; w++) {
        if (race && w == weeks) {
          list.add(new PlanWeek("week.focus.race", List.of(easy(20), easy(15), race5k())));
        } else {
          list.add(
              new PlanWeek(
                  "week.focus.build",
                  List.of(easy(30), optionalEasy(25), easy(35), longRun(8000 + 1000 * w))));
        }
      }
      return new PlanTemplate(
          new PlanId(id),
          version,
          sport,
          Level.BEGINNER,
          "plan.running.5k.beginner.title",
          "plan.running.5k.beginner.description",
          race ? 5000 : null,
          list);
    }
  }

  /** Builds users' plans. */
  public static final class MyPlanBuilder {
    private String id = "mp_01jbcdefghjkmnpqrstvwxyz01";
    private String userId = "ana";
    private PlanTemplate template = aTemplate().build();
    private LocalDate start = LocalDate.of(2030, 3, 4);
    private LocalDate target;
    private List<DayOfWeek> days = List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY);
    private ZoneId zone = ZoneId.of("Europe/Berlin");
    private PlanStatus status = PlanStatus.ACTIVE;
    private final List<Pause> pauses = new ArrayList<>();
    private final Map<SessionId, SessionLog> logs = new LinkedHashMap<>();
    private Instant at = Instant.parse("2030-03-01T09:00:00Z");
    private long version = 1;

    public MyPlanBuilder withId(String id) {
      this.id = id;
      return this;
    }

    public MyPlanBuilder of(String userId) {
      this.userId = userId;
      return this;
    }

    public MyPlanBuilder following(PlanTemplate template) {
      this.template = template;
      return this;
    }

    public MyPlanBuilder startingOn(LocalDate start) {
      this.start = start;
      return this;
    }

    public MyPlanBuilder forRaceOn(LocalDate target) {
      this.target = target;
      return this;
    }

    public MyPlanBuilder on(DayOfWeek... days) {
      this.days = List.of(days);
      return this;
    }

    public MyPlanBuilder in(String zone) {
      this.zone = ZoneId.of(zone);
      return this;
    }

    public MyPlanBuilder pausedFrom(LocalDate from, LocalDate until) {
      pauses.add(new Pause(from, until));
      if (until == null) {
        status = PlanStatus.PAUSED;
      }
      return this;
    }

    public MyPlanBuilder abandoned() {
      status = PlanStatus.ABANDONED;
      return this;
    }

    public MyPlanBuilder withLog(String sessionId, SessionLog log) {
      logs.put(SessionId.parse(sessionId).orElseThrow(), log);
      return this;
    }

    public MyPlanBuilder atVersion(long version) {
      this.version = version;
      return this;
    }

    public MyPlanBuilder createdAt(Instant at) {
      this.at = at;
      return this;
    }

    public MyPlan build() {
      return new MyPlan(
          new MyPlanId(id),
          new UserId(userId),
          template.id(),
          template.version(),
          start,
          target,
          days.size(),
          days,
          zone,
          status,
          pauses,
          logs,
          at,
          at,
          version);
    }
  }
}
