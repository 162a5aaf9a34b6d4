package app.stride.devices.aws.adapter.out.sqs;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the devices work queue is.
 *
 * @param awsRegion the queue's AWS region ({@code AWS_REGION})
 * @param queueUrl the region's devices work queue ({@value #QUEUE_URL_ENV})
 * @param endpoint an endpoint override for a local SQS server ({@value #ENDPOINT_ENV}); empty in
 *     the cloud
 */
public record WorkQueueSettings(Region awsRegion, String queueUrl, Optional<URI> endpoint) {
  /** The variable naming the work queue. */
  public static final String QUEUE_URL_ENV = "STRIDE_DEVICES_WORK_QUEUE_URL";

  /** The variable naming a local SQS endpoint (the same one the events queue uses). */
  public static final String ENDPOINT_ENV = "STRIDE_SQS_ENDPOINT";

  public WorkQueueSettings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(queueUrl, "queueUrl");
    endpoint = endpoint == null ? Optional.empty() : endpoint;
  }

  /** Reads the settings from the environment infra sets. */
  public static WorkQueueSettings fromEnv(Env env) {
    return new WorkQueueSettings(
        AwsRegions.fromEnv(env),
        env.require(QUEUE_URL_ENV),
        env.optional(ENDPOINT_ENV).map(URI::create));
  }
}
