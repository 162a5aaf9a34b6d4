package app.stride.aws.dynamodb;

import app.stride.aws.client.AwsClientDefaults;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds DynamoDB clients from {@link DynamoDbSettings}. Build once per function instance. */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /** A low-level client. */
  public static DynamoDbClient client(DynamoDbSettings settings) {
    return AwsClientDefaults.apply(
            DynamoDbClient.builder(), settings.awsRegion(), settings.endpoint())
        .build();
  }

  /**
   * An enhanced client whose only extension is the {@link VersionedRecordExtension}: a bean's
   * {@code DynamoDbVersionAttribute} is checked and incremented on every put and update.
   */
  public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder()
        .dynamoDbClient(client)
        .extensions(VersionedRecordExtension.builder().build())
        .build();
  }
}
