package app.stride.testkit.junit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS SDK v2 clients pointed at a local server with dummy credentials. */
final class AwsTestClients {

  private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private AwsTestClients() {}

  static DynamoDbClient dynamoDb(URI endpoint, String region) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(LOCAL_CREDENTIALS)
        .build();
  }

  static SqsClient sqs(URI endpoint, String region) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(LOCAL_CREDENTIALS)
        .build();
  }
}
