package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.firestore_database.FirestoreDatabase;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreField;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreFieldTtlConfig;
import software.constructs.Construct;

/**
 * The region's Firestore (native mode) database, pinned to the region's location, with
 * point-in-time recovery, delete protection and a TTL policy on {@code profiles.expiresAt}.
 */
public final class FirestoreStore extends Construct {

  /** Collection group whose documents expire by {@link #TTL_FIELD}. */
  public static final String TTL_COLLECTION_GROUP = "profiles";

  /** Timestamp field after which Firestore deletes a document. */
  public static final String TTL_FIELD = "expiresAt";

  private final FirestoreDatabase database;
  private final FirestoreField ttlPolicy;

  /** Creates the database {@code stride-<regionId>} in the region's location. */
  public FirestoreStore(Construct scope, String id, RegionConfig region) {
    super(scope, id);
    database =
        FirestoreDatabase.Builder.create(this, "database")
            .project(region.gcpProject())
            .name(region.firestoreDatabaseName())
            .locationId(region.location())
            .type("FIRESTORE_NATIVE")
            .concurrencyMode("OPTIMISTIC")
            .pointInTimeRecoveryEnablement("POINT_IN_TIME_RECOVERY_ENABLED")
            .deleteProtectionState("DELETE_PROTECTION_ENABLED")
            .build();
    ttlPolicy =
        FirestoreField.Builder.create(this, "ttl")
            .project(region.gcpProject())
            .database(database.getName())
            .collection(TTL_COLLECTION_GROUP)
            .field(TTL_FIELD)
            .ttlConfig(FirestoreFieldTtlConfig.builder().build())
            .build();
  }

  /** The database id, as the function's {@code STRIDE_FIRESTORE_DATABASE}. */
  public String name() {
    return database.getName();
  }

  /**
   * The profiles TTL policy. Field operations on one database are best created one after the other
   * (concurrent ones can fail with a 409), so later TTL policies wait for this one.
   */
  public FirestoreField ttlPolicy() {
    return ttlPolicy;
  }
}
