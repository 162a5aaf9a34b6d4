package app.stride.devices.aws.adapter.out.s3;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the devices object store keeps its objects.
 *
 * @param awsRegion the bucket's AWS region ({@code AWS_REGION})
 * @param bucket the region's devices bucket ({@value #BUCKET_ENV})
 * @param endpoint an endpoint override for a local S3 server ({@value #ENDPOINT_ENV}), reached with
 *     path-style requests; empty in the cloud
 * @param kmsKeyId the KMS key every object is encrypted with ({@value #KMS_KEY_ENV}); empty
 *     locally, where no encryption header is sent
 */
public record S3Settings(
    Region awsRegion, String bucket, Optional<URI> endpoint, Optional<String> kmsKeyId) {
  /** The variable naming the bucket. */
  public static final String BUCKET_ENV = "STRIDE_DEVICES_BUCKET";

  /** The variable naming a local S3 endpoint. */
  public static final String ENDPOINT_ENV = "STRIDE_S3_ENDPOINT";

  /** The variable naming the bucket's KMS key (id, ARN or alias). */
  public static final String KMS_KEY_ENV = "STRIDE_DEVICES_KMS_KEY_ID";

  public S3Settings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(bucket, "bucket");
    endpoint = endpoint == null ? Optional.empty() : endpoint;
    kmsKeyId = kmsKeyId == null ? Optional.empty() : kmsKeyId.filter(k -> !k.isBlank());
  }

  /** Reads the settings from the environment infra sets. */
  public static S3Settings fromEnv(Env env) {
    return new S3Settings(
        AwsRegions.fromEnv(env),
        env.require(BUCKET_ENV),
        env.optional(ENDPOINT_ENV).map(URI::create),
        env.optional(KMS_KEY_ENV));
  }
}
