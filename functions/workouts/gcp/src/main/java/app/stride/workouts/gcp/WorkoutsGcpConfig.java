package app.stride.workouts.gcp;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.gcp.pubsub.PubSubConfig;
import java.util.Objects;

/**
 * The workouts function's configuration, read once from the environment infra sets.
 *
 * @param region the region this function serves ({@code STRIDE_REGION}); a GCP region with
 *     Firestore
 * @param firestore the region's Firestore
 * @param events the region's events topic
 */
public record WorkoutsGcpConfig(RegionId region, FirestoreConfig firestore, PubSubConfig events) {
  public WorkoutsGcpConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(firestore, "firestore");
    Objects.requireNonNull(events, "events");
  }

  /**
   * Reads {@code STRIDE_REGION} and the Firestore and Pub/Sub settings.
   *
   * @throws IllegalStateException when a setting is missing or the region is not a GCP region whose
   *     store is Firestore (a wiring mistake that would otherwise write a user's data to the wrong
   *     place)
   */
  public static WorkoutsGcpConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    Region configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.GCP || configured.store() != StoreKind.FIRESTORE) {
      throw new IllegalStateException(
          "region " + region + " is not served by Firestore on GCP: " + configured);
    }
    return new WorkoutsGcpConfig(region, FirestoreConfig.fromEnv(env), PubSubConfig.fromEnv(env));
  }
}
