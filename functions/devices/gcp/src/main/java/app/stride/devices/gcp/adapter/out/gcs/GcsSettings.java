package app.stride.devices.gcp.adapter.out.gcs;

import app.stride.core.config.Env;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the devices object store keeps its objects.
 *
 * @param bucket the region's devices bucket ({@value #BUCKET_ENV}); its default Cloud KMS key
 *     encrypts every object
 * @param projectId the project billed for requests ({@code STRIDE_GCP_PROJECT}); empty to let the
 *     client find it from the environment
 */
public record GcsSettings(String bucket, Optional<String> projectId) {
  /** The variable naming the bucket. */
  public static final String BUCKET_ENV = "STRIDE_DEVICES_BUCKET";

  public GcsSettings {
    Objects.requireNonNull(bucket, "bucket");
    projectId = projectId == null ? Optional.empty() : projectId;
  }

  /** Reads the settings from the environment infra sets. */
  public static GcsSettings fromEnv(Env env) {
    return new GcsSettings(env.require(BUCKET_ENV), env.optional("STRIDE_GCP_PROJECT"));
  }
}
