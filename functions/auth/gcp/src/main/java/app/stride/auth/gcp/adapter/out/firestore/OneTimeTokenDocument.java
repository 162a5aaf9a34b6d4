package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION} (id = the token hash, encoded by {@link DocumentIds}). Only
 * the hash of the token is stored. {@code expiresAtExact} holds the exact expiry (see {@link
 * FirestoreTimes}), {@code expiresAt} the TTL timestamp derived from it.
 *
 * @param tokenHash SHA-256 of the opaque token
 * @param purpose the purpose's name
 * @param userId the account it acts on
 * @param expiresAt when it stops working
 * @param failures wrong codes entered against it
 */
public record OneTimeTokenDocument(
    String tokenHash, String purpose, String userId, Instant expiresAt, long failures) {
  /** The collection of one-time tokens. */
  public static final String COLLECTION = "authOneTimeTokens";

  static final String TOKEN_HASH = "tokenHash";
  static final String PURPOSE = "purpose";
  static final String USER_ID = "userId";
  static final String EXPIRES_AT_EXACT = "expiresAtExact";
  static final String FAILURES = "failures";

  /** The TTL field: a timestamp, never earlier than the exact expiry. */
  public static final String EXPIRES_AT = "expiresAt";

  public OneTimeTokenDocument {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TOKEN_HASH, tokenHash);
    fields.put(PURPOSE, purpose);
    fields.put(USER_ID, userId);
    fields.put(EXPIRES_AT_EXACT, FirestoreTimes.exact(expiresAt));
    fields.put(EXPIRES_AT, FirestoreTimes.ttl(expiresAt));
    fields.put(FAILURES, failures);
    return fields;
  }

  /** The document a snapshot holds. */
  public static OneTimeTokenDocument fromSnapshot(DocumentSnapshot snapshot) {
    Long failures = snapshot.getLong(FAILURES);
    return new OneTimeTokenDocument(
        snapshot.getString(TOKEN_HASH),
        snapshot.getString(PURPOSE),
        snapshot.getString(USER_ID),
        FirestoreTimes.fromExact(snapshot.getString(EXPIRES_AT_EXACT)),
        failures == null ? 0 : failures);
  }
}
