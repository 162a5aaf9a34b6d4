package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreField;
import com.hashicorp.cdktf.providers.google.firestore_field.FirestoreFieldTtlConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * Firestore TTL policies on one timestamp field of several collections of the region's database,
 * like {@link AuthTtlPolicies}: created one after the other, after {@code after}, since concurrent
 * field operations on one database can fail. Used for the chat channel's connection registry
 * ({@code realtimeConnections}, {@code realtimeSubscriptions}) and devices' erased-account markers
 * ({@code erasedAccounts}), whose readers treat an expired entry as absent, so TTL only tidies up.
 */
public final class FirestoreTtlPolicies extends Construct {

  private final ITerraformDependable last;

  /**
   * Declares a policy on {@code field} of each of {@code collections} (construct ids {@code
   * ttl_<c>}).
   */
  public FirestoreTtlPolicies(
      Construct scope,
      String id,
      RegionConfig region,
      FirestoreStore store,
      List<String> collections,
      String field,
      ITerraformDependable after) {
    super(scope, id);
    ITerraformDependable previous = after;
    for (String collection : collections) {
      previous =
          FirestoreField.Builder.create(this, "ttl_" + collection)
              .project(region.gcpProject())
              .database(store.name())
              .collection(collection)
              .field(field)
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
