package app.stride.social.gcp;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import app.stride.gcp.firestore.FirestoreConfig;
import java.util.Objects;

/**
 * The social function's configuration, read once from the environment infra sets.
 *
 * @param region the region this function serves ({@code STRIDE_REGION}); a GCP region with
 *     Firestore
 * @param firestore the region's Firestore
 */
public record SocialGcpConfig(RegionId region, FirestoreConfig firestore) {
  public SocialGcpConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(firestore, "firestore");
  }

  /**
   * Reads {@code STRIDE_REGION} and the Firestore settings.
   *
   * @throws IllegalStateException when a setting is missing or the region is not a GCP region whose
   *     store is Firestore
   */
  public static SocialGcpConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    Region configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.GCP || configured.store() != StoreKind.FIRESTORE) {
      throw new IllegalStateException(
          "region " + region + " is not served by Firestore on GCP: " + configured);
    }
    return new SocialGcpConfig(region, FirestoreConfig.fromEnv(env));
  }
}
