package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import app.stride.gcp.firestore.FirestoreConfig;
import java.util.Objects;

/**
 * Where the auth stores of a GCP region live, read once from the environment infra sets.
 *
 * @param region the region served ({@code STRIDE_REGION}); a GCP region whose store is Firestore
 * @param firestore the region's Firestore ({@code STRIDE_FIRESTORE_PROJECT}, {@code
 *     STRIDE_FIRESTORE_DATABASE}, locally the emulator host)
 */
public record AuthFirestoreConfig(RegionId region, FirestoreConfig firestore) {
  public AuthFirestoreConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(firestore, "firestore");
  }

  /**
   * Reads {@code STRIDE_REGION} and the Firestore settings.
   *
   * @throws IllegalStateException when a setting is missing or the region is not served by
   *     Firestore on GCP (a wiring mistake that would put a user's credentials in the wrong place)
   */
  public static AuthFirestoreConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    Region configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.GCP || configured.store() != StoreKind.FIRESTORE) {
      throw new IllegalStateException(
          "region " + region + " is not served by Firestore on GCP: " + configured);
    }
    return new AuthFirestoreConfig(region, FirestoreConfig.fromEnv(env));
  }
}
