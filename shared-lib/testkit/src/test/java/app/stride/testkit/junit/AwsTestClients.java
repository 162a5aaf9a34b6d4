package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
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

  /**
   * Waits until a table just created is ACTIVE: dynalite, like DynamoDB, answers CreateTable while
   * the table is CREATING and refuses item calls on it until then.
   */
  static void awaitActive(DynamoDbClient dynamo, String table) {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(dynamo)
            .overrideConfiguration(
                config ->
                    config
                        .backoffStrategyV2(
                            BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50)))
                        .waitTimeout(Duration.ofSeconds(10)))
            .build()) {
      assertThat(
              waiter.waitUntilTableExists(request -> request.tableName(table)).matched().response())
          .as("table %s became active", table)
          .isPresent();
    }
  }

  static SqsClient sqs(URI endpoint, String region) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(LOCAL_CREDENTIALS)
        .build();
  }
}
