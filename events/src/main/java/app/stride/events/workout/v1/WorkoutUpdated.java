package app.stride.events.workout.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Data of {@value #TYPE}: a recorded workout was edited. Carries the training numbers after the
 * edit and the names of the changed fields, never old values nor free text.
 *
 * @param workoutId the workout
 * @param userId the owner
 * @param homeRegion the owner's home region
 * @param version the workout version after the edit
 * @param sport the sport after the edit
 * @param startTime the start after the edit
 * @param timeZone the IANA time zone after the edit
 * @param durationSeconds the duration after the edit
 * @param distanceMeters the distance after the edit, or null
 * @param elevationGainMeters the elevation gain after the edit, or null
 * @param changedFields the top-level workout fields whose value changed; never empty
 * @param occurredAt when the edit was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkoutUpdated(
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
    List<String> changedFields,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.workout.v1.updated";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/workout/v1/updated.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/workout/v1/updated.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<WorkoutUpdated> EVENT_TYPE =
      new EventType<>(TYPE, WorkoutUpdated.class);

  /** The field names {@code changedFields} may hold. */
  public static final Set<String> FIELDS =
      Set.of(
          "sport",
          "title",
          "startTime",
          "timeZone",
          "durationSeconds",
          "distanceMeters",
          "elevationGainMeters",
          "averageHeartRate",
          "maxHeartRate",
          "perceivedEffort",
          "notes");

  /** Checks the invariants the schema states. */
  public WorkoutUpdated {
    WorkoutNumbers.requireIdentity(workoutId, userId, homeRegion, version);
    WorkoutNumbers.requireNumbers(
        sport, startTime, timeZone, durationSeconds, distanceMeters, elevationGainMeters);
    changedFields = List.copyOf(Objects.requireNonNull(changedFields, "changedFields"));
    if (changedFields.isEmpty() || new HashSet<>(changedFields).size() != changedFields.size()) {
      throw new IllegalArgumentException("changedFields must be unique and not empty");
    }
    if (!FIELDS.containsAll(changedFields)) {
      throw new IllegalArgumentException("unknown changed field in " + changedFields);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the workouts function publishes it (see {@link WorkoutRecorded#event}).
   */
  public static CloudEvent<WorkoutUpdated> event(String eventId, WorkoutUpdated data) {
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
