package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION} (id = the token hash, encoded by {@link DocumentIds}). Only
 * the hash of the token is stored. Instants are exact text (see {@link FirestoreTimes}); {@code
 * expiresAt} is the TTL timestamp derived from {@code expiresAtExact}.
 *
 * @param tokenHash SHA-256 of the opaque token
 * @param familyId the session it belongs to
 * @param userId the owner
 * @param amr how the session was authenticated
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param rotatedAt when it was used, or null (field left out)
 */
public record RefreshTokenDocument(
    String tokenHash,
    String familyId,
    String userId,
    List<String> amr,
    Instant issuedAt,
    Instant expiresAt,
    Instant rotatedAt) {
  /** The collection of refresh tokens. */
  public static final String COLLECTION = "authRefreshTokens";

  static final String TOKEN_HASH = "tokenHash";
  static final String FAMILY_ID = "familyId";
  static final String USER_ID = "userId";
  static final String AMR = "amr";
  static final String ISSUED_AT = "issuedAt";
  static final String EXPIRES_AT_EXACT = "expiresAtExact";
  static final String ROTATED_AT = "rotatedAt";

  /** The TTL field: a timestamp, never earlier than the exact expiry. */
  public static final String EXPIRES_AT = "expiresAt";

  public RefreshTokenDocument {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    amr = List.copyOf(amr);
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TOKEN_HASH, tokenHash);
    fields.put(FAMILY_ID, familyId);
    fields.put(USER_ID, userId);
    fields.put(AMR, amr);
    fields.put(ISSUED_AT, FirestoreTimes.exact(issuedAt));
    fields.put(EXPIRES_AT_EXACT, FirestoreTimes.exact(expiresAt));
    fields.put(EXPIRES_AT, FirestoreTimes.ttl(expiresAt));
    if (rotatedAt != null) {
      fields.put(ROTATED_AT, FirestoreTimes.exact(rotatedAt));
    }
    return fields;
  }

  /** The document a snapshot holds. */
  public static RefreshTokenDocument fromSnapshot(DocumentSnapshot snapshot) {
    List<?> amr = snapshot.get(AMR) instanceof List<?> l ? l : List.of();
    return new RefreshTokenDocument(
        snapshot.getString(TOKEN_HASH),
        snapshot.getString(FAMILY_ID),
        snapshot.getString(USER_ID),
        amr.stream().map(String.class::cast).toList(),
        FirestoreTimes.fromExact(snapshot.getString(ISSUED_AT)),
        FirestoreTimes.fromExact(snapshot.getString(EXPIRES_AT_EXACT)),
        FirestoreTimes.fromExact(snapshot.getString(ROTATED_AT)));
  }
}
