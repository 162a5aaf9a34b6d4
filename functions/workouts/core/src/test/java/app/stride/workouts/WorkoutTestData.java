package app.stride.workouts;

import app.stride.core.event.OutboundEvent;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Test data builders for workouts and their events, shared with the cloud modules' store tests
 * through this module's test jar (STYLE.md §8): {@code aWorkout().of("ana").startingAt(t).build()}.
 */
public final class WorkoutTestData {
  private static final SecureRandom RANDOM = new SecureRandom();

  private String userId = "u-" + UUID.randomUUID();
  private WorkoutId id = WorkoutId.next(Instant.parse("2026-03-14T09:00:00Z"), RANDOM);
  private Sport sport = Sport.RUNNING;
  private String title = "Sunday long run";
  private Instant startTime = Instant.parse("2026-03-14T06:30:00Z");
  private String timeZone = "Europe/Berlin";
  private long durationSeconds = 5400;
  private Double distanceMeters = 18000.0;
  private Double elevationGainMeters = 120.0;
  private Integer averageHeartRate = 148;
  private Integer maxHeartRate = 171;
  private Integer perceivedEffort = 6;
  private String notes = "Easy pace, legs fine.";
  private long version = 1;
  private Instant recordedAt = Instant.parse("2026-03-14T09:00:00.123Z");

  private WorkoutTestData() {}

  /** A full running workout of a fresh user. */
  public static WorkoutTestData aWorkout() {
    return new WorkoutTestData();
  }

  public WorkoutTestData of(String userId) {
    this.userId = userId;
    return this;
  }

  public WorkoutTestData withId(WorkoutId id) {
    this.id = id;
    return this;
  }

  public WorkoutTestData withSport(Sport sport) {
    this.sport = sport;
    return this;
  }

  public WorkoutTestData startingAt(Instant startTime) {
    this.startTime = startTime;
    return this;
  }

  public WorkoutTestData lasting(long seconds) {
    this.durationSeconds = seconds;
    return this;
  }

  /** Only the required fields: no title, distance, climb, heart rates, effort or notes. */
  public WorkoutTestData minimal() {
    title = null;
    distanceMeters = null;
    elevationGainMeters = null;
    averageHeartRate = null;
    maxHeartRate = null;
    perceivedEffort = null;
    notes = null;
    return this;
  }

  public WorkoutTestData atVersion(long version) {
    this.version = version;
    return this;
  }

  public WorkoutDraft draft() {
    return new WorkoutDraft(
        sport,
        title,
        startTime,
        timeZone,
        durationSeconds,
        distanceMeters,
        elevationGainMeters,
        averageHeartRate,
        maxHeartRate,
        perceivedEffort,
        notes);
  }

  public Workout build() {
    return new Workout(id, new UserId(userId), draft(), version, recordedAt, recordedAt);
  }

  /** A fresh workout id. */
  public static WorkoutId aWorkoutId() {
    return WorkoutId.next(Instant.now(), RANDOM);
  }

  /** An event with a fresh id about {@code subject}, shaped as the use cases send it. */
  public static OutboundEvent anEvent(String subject) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\"app.stride.workout.v1.recorded\",\"subject\":\""
            + subject
            + "\"}";
    return new OutboundEvent(
        id, "app.stride.workout.v1.recorded", subject, json.getBytes(StandardCharsets.UTF_8));
  }
}
