package app.stride.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code app.stride.user.v1.deleted} message bodies from the files under {@code
 * src/test/resources/user-deleted/}, with {@code ${EVENT_ID}}, {@code ${USER_ID}} and {@code
 * ${HOME_REGION}} filled in. Shared with the cloud modules' ITs through this module's test jar.
 */
public final class UserDeletedFixtures {
  /** A valid event, as auth publishes it. */
  public static final String VALID = "user-deleted/UserDeleted.json";

  /** A valid event with an extension attribute and a {@code time} with an offset. */
  public static final String VALID_TRACED = "user-deleted/UserDeleted-traced-offset-time.json";

  /** Bodies the eraser must report as failed (not valid events of the type). */
  public static final List<String> INVALID =
      List.of(
          "user-deleted/invalid/UserDeleted-personal-data.json",
          "user-deleted/invalid/UserDeleted-subject-not-the-user.json",
          "user-deleted/invalid/UserDeleted-source-of-another-region.json",
          "user-deleted/invalid/UserDeleted-bad-deleted-at.json",
          "user-deleted/invalid/UserDeleted-missing-home-region.json",
          "user-deleted/invalid/UserDeleted-profile-updated-type.json",
          "user-deleted/invalid/UserDeleted-user-id-profiles-cannot-hold.json",
          "user-deleted/invalid/UserDeleted-array.json",
          "user-deleted/invalid/not-json.txt");

  /** The invalid body carrying personal data ({@value #LEAKED_EMAIL}) in an unknown field. */
  public static final String PERSONAL_DATA = "user-deleted/invalid/UserDeleted-personal-data.json";

  /** The email address in {@link #PERSONAL_DATA}; it must never reach a log line. */
  public static final String LEAKED_EMAIL = "ana.secret@example.com";

  private UserDeletedFixtures() {}

  /** The fixture's text with the placeholders filled in. */
  public static String body(String fixture, String eventId, String userId, String homeRegion) {
    return read(fixture)
        .replace("${EVENT_ID}", eventId)
        .replace("${USER_ID}", userId)
        .replace("${HOME_REGION}", homeRegion);
  }

  private static String read(String fixture) {
    try (InputStream in = UserDeletedFixtures.class.getClassLoader().getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
