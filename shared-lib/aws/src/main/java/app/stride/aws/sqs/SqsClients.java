package app.stride.aws.sqs;

import app.stride.aws.client.AwsClientDefaults;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds SQS clients from {@link SqsSettings}. Build once per function instance. */
public final class SqsClients {
  private SqsClients() {}

  /** A client for the settings' region and endpoint. */
  public static SqsClient client(SqsSettings settings) {
    return AwsClientDefaults.apply(SqsClient.builder(), settings.awsRegion(), settings.endpoint())
        .build();
  }
}
