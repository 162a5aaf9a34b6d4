package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynalitePersistenceIT {

  @Test
  void withDataDir_tablesSurviveARestart_andCloseStopsTheProcess(@TempDir Path data) {
    int firstPort;
    try (DynaliteServer first = DynaliteServer.builder().dataDir(data).start()) {
      firstPort = first.port();
      try (DynamoDbClient dynamo = client(first)) {
        dynamo.createTable(
            table ->
                table
                    .tableName("directory")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        AttributeDefinition.builder()
                            .attributeName("pk")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(
                        KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build()));
      }
    }
    assertThat(Loopback.accepts(Loopback.HOST, firstPort)).as("port freed after close").isFalse();

    try (DynaliteServer second = DynaliteServer.builder().dataDir(data).start();
        DynamoDbClient dynamo = client(second)) {
      assertThat(second.dataDir()).contains(data);
      assertThat(dynamo.listTables().tableNames()).containsExactly("directory");
    }
  }

  private static DynamoDbClient client(DynaliteServer server) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.EU_CENTRAL_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }
}
