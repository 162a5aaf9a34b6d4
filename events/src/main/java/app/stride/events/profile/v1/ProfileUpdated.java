package app.stride.events.profile.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Data of {@value #TYPE}: a user's profile was created, replaced, patched or deleted in its home
 * region.
 *
 * <p>Deliberately free of personal data beyond the user id: it names the changed fields, never
 * their values. Consumers read the profile from the user's home region if they need it.
 *
 * @param userId the user whose profile changed
 * @param homeRegion the user's home region, where the profile lives ({@code eu}, {@code us}, ...)
 * @param version the profile version after the change; for a deletion, the deleted version
 * @param change what kind of write it was
 * @param changedFields top-level profile fields whose value changed; empty for a deletion
 * @param occurredAt when the change was stored
 */
public record ProfileUpdated(
    String userId,
    String homeRegion,
    long version,
    Change change,
    List<String> changedFields,
    Instant occurredAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.profile.v1.updated";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/profile/v1/updated.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/profile/v1/updated.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<ProfileUpdated> EVENT_TYPE =
      new EventType<>(TYPE, ProfileUpdated.class);

  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,15}");

  /** The kind of write. */
  public enum Change {
    /** The profile did not exist before. */
    @JsonProperty("created")
    CREATED,
    /** A whole-profile replacement (PUT). */
    @JsonProperty("replaced")
    REPLACED,
    /** A partial change (JSON Merge Patch). */
    @JsonProperty("patched")
    PATCHED,
    /** The profile was deleted. */
    @JsonProperty("deleted")
    DELETED
  }

  /** Checks the invariants the schema states, so a producer cannot build an invalid event. */
  public ProfileUpdated {
    requireText(userId, "userId");
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (!REGION.matcher(homeRegion).matches()) {
      throw new IllegalArgumentException("invalid homeRegion: " + homeRegion);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    Objects.requireNonNull(change, "change");
    changedFields = List.copyOf(Objects.requireNonNull(changedFields, "changedFields"));
    if (new HashSet<>(changedFields).size() != changedFields.size()) {
      throw new IllegalArgumentException("changedFields must be unique: " + changedFields);
    }
    if (change == Change.DELETED && !changedFields.isEmpty()) {
      throw new IllegalArgumentException("a deletion names no changed fields");
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * Builds the whole envelope as the profiles function of {@code region} publishes it.
   *
   * @param eventId unique event id (keep it across retries of the same publication)
   * @param region the producing region, which is the user's home region
   * @param userId the user
   * @param version the profile version after the change (or the deleted version)
   * @param change the kind of write
   * @param changedFields top-level profile fields whose value changed; empty for a deletion
   * @param occurredAt when the change was stored
   * @return the CloudEvent, source {@code /stride/<region>/profiles}, subject the user id
   */
  public static CloudEvent<ProfileUpdated> event(
      String eventId,
      String region,
      String userId,
      long version,
      Change change,
      List<String> changedFields,
      Instant occurredAt) {
    ProfileUpdated data =
        new ProfileUpdated(userId, region, version, change, changedFields, occurredAt);
    return new CloudEvent<>(
        CloudEvent.SPEC_VERSION,
        eventId,
        "/stride/" + region + "/profiles",
        TYPE,
        userId,
        occurredAt,
        CloudEvent.JSON,
        SCHEMA,
        data);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
