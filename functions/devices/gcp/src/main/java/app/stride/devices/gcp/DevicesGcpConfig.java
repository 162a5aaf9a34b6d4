package app.stride.devices.gcp;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import app.stride.devices.gcp.adapter.out.gcs.GcsSettings;
import app.stride.devices.gcp.adapter.out.pubsub.WorkTopic;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.gcp.pubsub.PubSubConfig;
import java.util.Objects;

/**
 * The devices deployable's configuration on Google Cloud, read once from the environment.
 *
 * @param region the Stride region served ({@code STRIDE_REGION}), a Firestore region on GCP
 * @param firestore the region's Firestore
 * @param events the region's events topic
 * @param workTopic the region's work topic (verified webhook notifications)
 * @param bucket the region's devices bucket
 * @param inMemoryBucket whether the bucket is kept in memory ({@value #IN_MEMORY_BUCKET_ENV}{@code
 *     =true}): the local platform only, where no Cloud Storage server runs
 */
public record DevicesGcpConfig(
    RegionId region,
    FirestoreConfig firestore,
    PubSubConfig events,
    PubSubConfig workTopic,
    GcsSettings bucket,
    boolean inMemoryBucket) {

  /** The local platform's switch to an in-memory bucket. */
  public static final String IN_MEMORY_BUCKET_ENV = "STRIDE_GCS_IN_MEMORY";

  public DevicesGcpConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(firestore, "firestore");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(workTopic, "workTopic");
    Objects.requireNonNull(bucket, "bucket");
  }

  /**
   * Reads the configuration.
   *
   * @throws IllegalStateException when a setting is missing or the region is not a GCP region whose
   *     store is Firestore
   */
  public static DevicesGcpConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    Region configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.GCP || configured.store() != StoreKind.FIRESTORE) {
      throw new IllegalStateException(
          "region " + region + " is not served by Firestore on GCP: " + configured);
    }
    return new DevicesGcpConfig(
        region,
        FirestoreConfig.fromEnv(env),
        PubSubConfig.fromEnv(env),
        WorkTopic.fromEnv(env),
        GcsSettings.fromEnv(env),
        env.flag(IN_MEMORY_BUCKET_ENV));
  }
}
