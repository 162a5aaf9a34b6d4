package app.stride.planner.gcp;

import app.stride.core.config.Env;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import app.stride.gcp.firestore.FirestoreConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The planner function's configuration, read once from the environment infra sets.
 *
 * @param region the region this function serves ({@code STRIDE_REGION}); a GCP region with
 *     Firestore
 * @param firestore the region's Firestore
 * @param publicApiUrl the API's public base URL, for calendar feed links ({@code
 *     STRIDE_API_PUBLIC_URL}); empty to use the request's host
 */
public record PlannerGcpConfig(
    RegionId region, FirestoreConfig firestore, Optional<URI> publicApiUrl) {
  /** The API's public base URL, for calendar feed links. */
  public static final String PUBLIC_API_URL_ENV = "STRIDE_API_PUBLIC_URL";

  public PlannerGcpConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(firestore, "firestore");
    Objects.requireNonNull(publicApiUrl, "publicApiUrl");
  }

  /**
   * Reads {@code STRIDE_REGION} and the Firestore settings.
   *
   * @throws IllegalStateException when a setting is missing or the region is not a GCP region whose
   *     store is Firestore
   */
  public static PlannerGcpConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    Region configured = RegionCatalog.fromEnvironment(env.asMap()).require(region);
    if (configured.cloud() != Cloud.GCP || configured.store() != StoreKind.FIRESTORE) {
      throw new IllegalStateException(
          "region " + region + " is not served by Firestore on GCP: " + configured);
    }
    return new PlannerGcpConfig(
        region, FirestoreConfig.fromEnv(env), env.optional(PUBLIC_API_URL_ENV).map(URI::create));
  }
}
