package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.capability.FirestoreIndexSpec;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.google.firestore_index.FirestoreIndex;
import com.hashicorp.cdktf.providers.google.firestore_index.FirestoreIndexFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * The composite indexes the capabilities' Firestore queries need ({@link
 * Capability#firestoreIndexes()}) on the region's database. The emulator serves every query without
 * them; the real service refuses a query whose index is missing, so they are declared here and
 * listed in tests. They are created one after the other, after the TTL policies, since concurrent
 * index and field operations on one database can fail.
 */
public final class FirestoreIndexes extends Construct {

  /** Declares every index of {@code capabilities}, in order, after {@code after}. */
  public FirestoreIndexes(
      Construct scope,
      String id,
      RegionConfig region,
      FirestoreStore store,
      List<Capability> capabilities,
      ITerraformDependable after) {
    super(scope, id);
    ITerraformDependable previous = after;
    for (Capability capability : capabilities) {
      for (FirestoreIndexSpec index : capability.firestoreIndexes()) {
        List<FirestoreIndexFields> fields = new ArrayList<>();
        for (FirestoreIndexSpec.Field field : index.fields()) {
          fields.add(
              FirestoreIndexFields.builder().fieldPath(field.path()).order(field.order()).build());
        }
        previous =
            FirestoreIndex.Builder.create(this, indexId(capability, index))
                .project(region.gcpProject())
                .database(store.name())
                .collection(index.collection())
                .queryScope(index.queryScope())
                .fields(fields)
                .dependsOn(List.of(previous))
                .build();
      }
    }
  }

  private static String indexId(Capability capability, FirestoreIndexSpec index) {
    StringBuilder id = new StringBuilder(capability.name()).append('_').append(index.collection());
    index
        .fields()
        .forEach(
            f ->
                id.append('_')
                    .append(f.path())
                    .append(f.order().startsWith("DESC") ? "_desc" : ""));
    return id.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
