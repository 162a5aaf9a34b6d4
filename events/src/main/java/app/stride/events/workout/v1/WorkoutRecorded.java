package app.stride.events.workout.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Data of {@value #TYPE}: a workout was recorded by hand in the user's home region.
 *
 * <p>Carries the training numbers in SI units, never the free-text fields (title, notes) nor heart
 * rate or perceived effort, which stay in the home region's store.
 *
 * @param workoutId the workout ({@code w_} + 26 lower-case Crockford base32 characters)
 * @param userId the owner
 * @param homeRegion the owner's home region, where the workout lives
 * @param version the workout version (1)
 * @param sport the sport, lower-case as on the wire
 * @param startTime when the workout started
 * @param timeZone the IANA time zone it was done in
 * @param durationSeconds the duration
 * @param distanceMeters the distance, or null
 * @param elevationGainMeters the elevation gain, or null
 * @param occurredAt when the workout was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkoutRecorded(
    String workoutId,
    String userId,
    String homeRegion,
    long version,
    String sport,
    Instant startTime,
    String timeZone,
    long durationSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.workout.v1.recorded";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/workout/v1/recorded.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/workout/v1/recorded.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<WorkoutRecorded> EVENT_TYPE =
      new EventType<>(TYPE, WorkoutRecorded.class);

  /** Checks the invariants the schema states. */
  public WorkoutRecorded {
    WorkoutNumbers.requireIdentity(workoutId, userId, homeRegion, version);
    WorkoutNumbers.requireNumbers(
        sport, startTime, timeZone, durationSeconds, distanceMeters, elevationGainMeters);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the workouts function of {@code data.homeRegion()} publishes it: source
   * {@code /stride/<region>/workouts}, subject the user id, time {@code data.occurredAt()}.
   *
   * @param eventId unique event id (kept across retries of the same publication)
   * @param data the payload
   */
  public static CloudEvent<WorkoutRecorded> event(String eventId, WorkoutRecorded data) {
    return new CloudEvent<>(
        CloudEvent.SPEC_VERSION,
        eventId,
        WorkoutNumbers.source(data.homeRegion()),
        TYPE,
        data.userId(),
        data.occurredAt(),
        CloudEvent.JSON,
        SCHEMA,
        data);
  }
}
