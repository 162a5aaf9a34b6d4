package app.stride.events.activity.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Data of {@value #TYPE}: the same workout arrived from one more source and was merged into an
 * existing activity. Carries the summary numbers after the merge (they may change when the new
 * source's recording was richer), every source and the one just added; never heart rate, positions,
 * device serials nor free text.
 *
 * @param activityId the existing activity the recording was merged into
 * @param userId the owner
 * @param homeRegion the owner's home region
 * @param version the activity version after the merge
 * @param sport the sport after the merge
 * @param startTime the start after the merge
 * @param utcOffset the UTC offset after the merge ({@code +02:00}), or null when unknown
 * @param elapsedSeconds the wall-clock duration after the merge
 * @param movingSeconds the time in motion after the merge
 * @param distanceMeters the distance after the merge, or null
 * @param elevationGainMeters the total ascent after the merge, or null
 * @param sources every provider the activity was recorded from, unique (one when both recordings
 *     came the same way, e.g. two uploaded files of one run)
 * @param addedSource the provider just merged in; one of {@code sources}
 * @param occurredAt when the merge was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityMerged(
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
    String addedSource,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.activity.v1.merged";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/activity/v1/merged.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/activity/v1/merged.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<ActivityMerged> EVENT_TYPE =
      new EventType<>(TYPE, ActivityMerged.class);

  /**
   * Checks the invariants the schema states, and one it cannot: {@code addedSource} is one of
   * {@code sources}.
   */
  public ActivityMerged {
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
    Objects.requireNonNull(addedSource, "addedSource");
    if (!sources.contains(addedSource)) {
      throw new IllegalArgumentException(
          "addedSource " + addedSource + " must be one of sources " + sources);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The whole envelope as the devices function publishes it (see {@link ActivityImported#event}).
   */
  public static CloudEvent<ActivityMerged> event(String eventId, ActivityMerged data) {
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
