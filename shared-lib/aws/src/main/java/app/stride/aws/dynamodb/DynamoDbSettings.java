package app.stride.aws.dynamodb;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where a function's DynamoDB client connects.
 *
 * @param awsRegion the AWS region of the table ({@code AWS_REGION}, set by Lambda)
 * @param endpoint an endpoint override for a local server ({@code STRIDE_DYNAMODB_ENDPOINT}); empty
 *     in the cloud
 */
public record DynamoDbSettings(Region awsRegion, Optional<URI> endpoint) {
  /** The environment variable naming a local DynamoDB endpoint. */
  public static final String ENDPOINT_ENV = "STRIDE_DYNAMODB_ENDPOINT";

  public DynamoDbSettings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    endpoint = endpoint == null ? Optional.empty() : endpoint;
  }

  /** Reads {@code AWS_REGION} and {@code STRIDE_DYNAMODB_ENDPOINT}. */
  public static DynamoDbSettings fromEnv(Env env) {
    return new DynamoDbSettings(
        AwsRegions.fromEnv(env), env.optional(ENDPOINT_ENV).map(URI::create));
  }
}
