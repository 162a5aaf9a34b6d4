package app.stride.events.activity.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Data of {@value #TYPE}: the provider an activity's data comes from changed its recording (a sport
 * corrected on Strava, an activity trimmed on Garmin Connect) and the new data replaced the stored
 * data. Carries the summary numbers after the update, every source and the one whose update was
 * applied; never heart rate, positions, device names nor free text.
 *
 * @param activityId the activity updated
 * @param userId the owner
 * @param homeRegion the owner's home region
 * @param version the activity version after the update (2 or more: an update follows the import)
 * @param sport the sport after the update
 * @param startTime the start after the update
 * @param utcOffset the UTC offset after the update ({@code +02:00}), or null when unknown
 * @param elapsedSeconds the wall-clock duration after the update
 * @param movingSeconds the time in motion after the update
 * @param distanceMeters the distance after the update, or null
 * @param elevationGainMeters the total ascent after the update, or null
 * @param sources every provider the activity was recorded from, unique
 * @param updatedSource the provider whose update was applied; one of {@code sources}
 * @param occurredAt when the update was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityUpdated(
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
    String updatedSource,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.activity.v1.updated";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/activity/v1/updated.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/activity/v1/updated.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<ActivityUpdated> EVENT_TYPE =
      new EventType<>(TYPE, ActivityUpdated.class);

  /**
   * Checks the invariants the schema states, and one it cannot: {@code updatedSource} is one of
   * {@code sources}.
   */
  public ActivityUpdated {
    ActivityNumbers.requireIdentity(activityId, userId, homeRegion, version);
    if (version < 2) {
      throw new IllegalArgumentException("an update's version is >= 2, was " + version);
    }
    ActivityNumbers.requireNumbers(
        sport,
        startTime,
        utcOffset,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters);
    sources = ActivityNumbers.requireSources(sources, 1);
    Objects.requireNonNull(updatedSource, "updatedSource");
    if (!sources.contains(updatedSource)) {
      throw new IllegalArgumentException(
          "updatedSource " + updatedSource + " must be one of sources " + sources);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the devices function publishes it (see {@link ActivityImported#event}).
   */
  public static CloudEvent<ActivityUpdated> event(String eventId, ActivityUpdated data) {
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
