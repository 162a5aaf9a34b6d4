package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION} (id = the family id, encoded by {@link DocumentIds}). Instants
 * are exact text (see {@link FirestoreTimes}); {@code expiresAt} is the TTL timestamp derived from
 * {@code expiresAtExact}.
 *
 * @param familyId the session id
 * @param userId the owner
 * @param startedAt when the login happened
 * @param expiresAt the session's absolute end
 * @param revokedAt when it was revoked, or null (field left out)
 */
public record SessionDocument(
    String familyId, String userId, Instant startedAt, Instant expiresAt, Instant revokedAt) {
  /** The collection of sessions. */
  public static final String COLLECTION = "authSessions";

  static final String FAMILY_ID = "familyId";
  static final String USER_ID = "userId";
  static final String STARTED_AT = "startedAt";
  static final String EXPIRES_AT_EXACT = "expiresAtExact";
  static final String REVOKED_AT = "revokedAt";

  /** The TTL field: a timestamp, never earlier than the exact expiry. */
  public static final String EXPIRES_AT = "expiresAt";

  public SessionDocument {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(FAMILY_ID, familyId);
    fields.put(USER_ID, userId);
    fields.put(STARTED_AT, FirestoreTimes.exact(startedAt));
    fields.put(EXPIRES_AT_EXACT, FirestoreTimes.exact(expiresAt));
    fields.put(EXPIRES_AT, FirestoreTimes.ttl(expiresAt));
    if (revokedAt != null) {
      fields.put(REVOKED_AT, FirestoreTimes.exact(revokedAt));
    }
    return fields;
  }

  /** The document a snapshot holds. */
  public static SessionDocument fromSnapshot(DocumentSnapshot snapshot) {
    return new SessionDocument(
        snapshot.getString(FAMILY_ID),
        snapshot.getString(USER_ID),
        FirestoreTimes.fromExact(snapshot.getString(STARTED_AT)),
        FirestoreTimes.fromExact(snapshot.getString(EXPIRES_AT_EXACT)),
        FirestoreTimes.fromExact(snapshot.getString(REVOKED_AT)));
  }
}
