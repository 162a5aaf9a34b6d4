package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Run by two IT classes: each must find dynalite empty (a server per class), then create the same
 * table, which would fail if the other class's table were still there.
 */
abstract class DynaliteContract {

  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  @Test
  void freshServerPerClass_tableRoundTripsAnItemThroughTheAwsSdk() {
    try (DynamoDbClient dynamo =
        AwsTestClients.dynamoDb(DYNAMO.endpoint(), DynaliteExtension.REGION)) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();

      dynamo.createTable(
          table ->
              table
                  .tableName("profiles")
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
      AwsTestClients.awaitActive(dynamo, "profiles");
      dynamo.putItem(
          put ->
              put.tableName("profiles")
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS("user#1"),
                          "suite", AttributeValue.fromS(getClass().getSimpleName()))));
      Map<String, AttributeValue> item =
          dynamo
              .getItem(
                  get ->
                      get.tableName("profiles").key(Map.of("pk", AttributeValue.fromS("user#1"))))
              .item();

      assertThat(item.get("suite").s()).isEqualTo(getClass().getSimpleName());
    }
  }
}
