package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION}: a login identifier and the account that holds it.
 *
 * @param claim the identifier ({@link LoginClaim#key()})
 * @param userId the account the claim points at
 * @param confirmed whether the claiming write finished; informational, readers only trust a claim
 *     whose account exists and holds it
 * @param claimedAt when the account took the claim
 */
public record LoginClaimDocument(
    String claim, String userId, boolean confirmed, Timestamp claimedAt) {
  /** The collection of login claims. */
  public static final String COLLECTION = "authLoginClaims";

  static final String CLAIM = "claim";
  static final String USER_ID = "userId";
  static final String CONFIRMED = "confirmed";
  static final String CLAIMED_AT = "claimedAt";

  public LoginClaimDocument {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(claimedAt, "claimedAt");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(CLAIM, claim);
    fields.put(USER_ID, userId);
    fields.put(CONFIRMED, confirmed);
    fields.put(CLAIMED_AT, claimedAt);
    return fields;
  }

  /** The document a snapshot holds. */
  public static LoginClaimDocument fromSnapshot(DocumentSnapshot snapshot) {
    return new LoginClaimDocument(
        snapshot.getString(CLAIM),
        snapshot.getString(USER_ID),
        Boolean.TRUE.equals(snapshot.getBoolean(CONFIRMED)),
        snapshot.getTimestamp(CLAIMED_AT));
  }
}
