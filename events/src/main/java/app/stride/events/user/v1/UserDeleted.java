package app.stride.events.user.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Data of {@value #TYPE}: a user deleted their account in its home region.
 *
 * <p>Every capability's data eraser consumes it and erases what it holds about the user in that
 * region (profiles first). It carries no personal data beyond the user id. Delivery is
 * at-least-once, so an eraser deduplicates on the event id and erasing twice must change nothing.
 *
 * @param userId the user whose account was deleted
 * @param homeRegion the user's home region, where their data lives ({@code eu}, {@code us}, ...)
 * @param deletedAt when the account was deleted
 */
public record UserDeleted(String userId, String homeRegion, Instant deletedAt) {

  /** The CloudEvents type. */
  public static final String TYPE = "app.stride.user.v1.deleted";

  /** The JSON Schema id, sent as {@code dataschema}. */
  public static final URI SCHEMA =
      URI.create("https://stride.app/events/schemas/user/v1/deleted.schema.json");

  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "events/schemas/user/v1/deleted.schema.json";

  /** The type bound to this record, for {@link app.stride.events.EventCodec#decode}. */
  public static final EventType<UserDeleted> EVENT_TYPE = new EventType<>(TYPE, UserDeleted.class);

  private static final int MAX_USER_ID_LENGTH = 64;
  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,15}");

  /** Checks the invariants the schema states, so a producer cannot build an invalid event. */
  public UserDeleted {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "userId must have 1 to " + MAX_USER_ID_LENGTH + " characters");
    }
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (!REGION.matcher(homeRegion).matches()) {
      throw new IllegalArgumentException("invalid homeRegion: " + homeRegion);
    }
    Objects.requireNonNull(deletedAt, "deletedAt");
  }

  /**
   * Builds the whole envelope as the auth function of {@code region} publishes it.
   *
   * @param eventId unique event id (keep it across retries of the same publication)
   * @param region the producing region, which is the user's home region
   * @param userId the user
   * @param deletedAt when the account was deleted
   * @return the CloudEvent, source {@code /stride/<region>/auth}, subject the user id, time {@code
   *     deletedAt}
   */
  public static CloudEvent<UserDeleted> event(
      String eventId, String region, String userId, Instant deletedAt) {
    UserDeleted data = new UserDeleted(userId, region, deletedAt);
    return new CloudEvent<>(
        CloudEvent.SPEC_VERSION,
        eventId,
        "/stride/" + region + "/auth",
        TYPE,
        userId,
        deletedAt,
        CloudEvent.JSON,
        SCHEMA,
        data);
  }
}
