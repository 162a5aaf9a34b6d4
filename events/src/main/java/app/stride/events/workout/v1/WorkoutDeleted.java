package app.stride.events.workout.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Data of {@value #TYPE}: a recorded workout was deleted, by its owner or when the account was
 * erased. Names the workout and nothing else.
 *
 * @param workoutId the deleted workout
 * @param userId the owner
 * @param homeRegion the owner's home region
 * @param version the version that was deleted
 * @param occurredAt when the deletion was stored
 */
public record WorkoutDeleted(
    String workoutId, String userId, String homeRegion, long version, Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.workout.v1.deleted";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/workout/v1/deleted.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/workout/v1/deleted.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<WorkoutDeleted> EVENT_TYPE =
      new EventType<>(TYPE, WorkoutDeleted.class);

  /** Checks the invariants the schema states. */
  public WorkoutDeleted {
    WorkoutNumbers.requireIdentity(workoutId, userId, homeRegion, version);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the workouts function publishes it (see {@link WorkoutRecorded#event}).
   */
  public static CloudEvent<WorkoutDeleted> event(String eventId, WorkoutDeleted data) {
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
