package app.stride.aws.sqs;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where a function sends its events.
 *
 * @param awsRegion the queue's AWS region ({@code AWS_REGION})
 * @param queueUrl the queue ({@code STRIDE_EVENTS_QUEUE_URL})
 * @param endpoint an endpoint override for a local server ({@code STRIDE_SQS_ENDPOINT}); empty in
 *     the cloud
 */
public record SqsSettings(Region awsRegion, String queueUrl, Optional<URI> endpoint) {
  /** The environment variable naming the events queue. */
  public static final String QUEUE_URL_ENV = "STRIDE_EVENTS_QUEUE_URL";

  /** The environment variable naming a local SQS endpoint. */
  public static final String ENDPOINT_ENV = "STRIDE_SQS_ENDPOINT";

  public SqsSettings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(queueUrl, "queueUrl");
    endpoint = endpoint == null ? Optional.empty() : endpoint;
  }

  /** Reads {@code AWS_REGION}, {@code STRIDE_EVENTS_QUEUE_URL} and {@code STRIDE_SQS_ENDPOINT}. */
  public static SqsSettings fromEnv(Env env) {
    return new SqsSettings(
        AwsRegions.fromEnv(env),
        env.require(QUEUE_URL_ENV),
        env.optional(ENDPOINT_ENV).map(URI::create));
  }
}
