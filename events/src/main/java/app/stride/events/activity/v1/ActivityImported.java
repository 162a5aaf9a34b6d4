package app.stride.events.activity.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Data of {@value #TYPE}: an activity recorded by a device or app (provider webhook, app upload or
 * imported file) was normalised and stored as a new activity in the user's home region.
 *
 * <p>Carries the summary training numbers in SI units and the sources, never heart rate, positions,
 * the sample stream, device serials nor free text, which stay in the home region's store.
 *
 * @param activityId the activity ({@code a_} + 26 lower-case Crockford base32 characters)
 * @param userId the owner
 * @param homeRegion the owner's home region, where the activity and its samples live
 * @param version the activity version (1 for a new import)
 * @param sport the sport, lower-case as on the wire
 * @param startTime when the activity started
 * @param utcOffset the UTC offset it was recorded at ({@code +02:00}), or null when unknown
 * @param elapsedSeconds the wall-clock duration, pauses included
 * @param movingSeconds the time in motion, pauses excluded
 * @param distanceMeters the distance, or null
 * @param elevationGainMeters the total ascent, or null
 * @param sources the providers' wire names (see {@link #SOURCES}); at least one, unique
 * @param occurredAt when the activity was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityImported(
    String activityId,
    String userId,
    String homeRegion,
    long version,
    String sport,
    Instant startTime,
    String utcOffset,
    double elapsedSeconds,
    double movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    List<String> sources,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.activity.v1.imported";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/activity/v1/imported.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/activity/v1/imported.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<ActivityImported> EVENT_TYPE =
      new EventType<>(TYPE, ActivityImported.class);

  /** The providers' wire names {@code sources} may hold. */
  public static final Set<String> SOURCES = ActivityNumbers.PROVIDERS;

  /** Checks the invariants the schema states. */
  public ActivityImported {
    ActivityNumbers.requireIdentity(activityId, userId, homeRegion, version);
    ActivityNumbers.requireNumbers(
        sport,
        startTime,
        utcOffset,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters);
    sources = ActivityNumbers.requireSources(sources, 1);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the devices function of {@code data.homeRegion()} publishes it: source
   * {@code /stride/<region>/devices}, subject the user id, time {@code data.occurredAt()}.
   *
   * @param eventId unique event id (kept across retries of the same publication)
   * @param data the payload
   */
  public static CloudEvent<ActivityImported> event(String eventId, ActivityImported data) {
    return new CloudEvent<>(
        CloudEvent.SPEC_VERSION,
        eventId,
        ActivityNumbers.source(data.homeRegion()),
        TYPE,
        data.userId(),
        data.occurredAt(),
        CloudEvent.JSON,
        SCHEMA,
        data);
  }
}
