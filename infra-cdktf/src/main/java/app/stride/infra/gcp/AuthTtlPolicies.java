package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreField;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreFieldTtlConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * Firestore TTL policies of the auth stores: documents of {@link #COLLECTIONS} are deleted once
 * their {@value #TTL_FIELD} timestamp has passed (the stores round it up, so TTL never removes a
 * live document; readers treat an expired one as absent). Accounts, login claims, tombstones and
 * key rings never expire, so they have no policy. The policies are created one after the other,
 * after the profiles policy: concurrent field operations on one database can fail.
 */
public final class AuthTtlPolicies extends Construct {

  /** The collections whose documents expire ({@code functions/auth/gcp} README). */
  public static final List<String> COLLECTIONS =
      List.of("authSessions", "authRefreshTokens", "authOneTimeTokens");

  /** The timestamp field after which Firestore deletes a document. */
  public static final String TTL_FIELD = "expiresAt";

  private final ITerraformDependable last;

  /** Declares one TTL policy per collection on the region's database. */
  public AuthTtlPolicies(Construct scope, String id, RegionConfig region, FirestoreStore store) {
    super(scope, id);
    ITerraformDependable previous = store.ttlPolicy();
    for (String collection : COLLECTIONS) {
      previous =
          FirestoreField.Builder.create(this, "ttl_" + collection)
              .project(region.gcpProject())
              .database(store.name())
              .collection(collection)
              .field(TTL_FIELD)
              .ttlConfig(FirestoreFieldTtlConfig.builder().build())
              .dependsOn(List.of(previous))
              .build();
    }
    last = previous;
  }

  /** The last policy created, for later field or index operations on the database to wait for. */
  public ITerraformDependable last() {
    return last;
  }
}
