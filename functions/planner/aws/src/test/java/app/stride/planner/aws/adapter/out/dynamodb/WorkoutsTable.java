package app.stride.planner.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.LocalTables;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A workouts table as the workouts capability lays it out (keys {@code userId}/{@code workoutId},
 * fixed in the issue-5 plan), written with the low-level client, extra attributes included.
 */
public final class WorkoutsTable {
  private WorkoutsTable() {}

  /** The workouts table's keys as the issue-5 plan fixes them. */
  public static void create(DynamoDbClient client, String table) {
    client.createTable(
        r ->
            r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("userId")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("workoutId")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName("userId")
                        .keyType(KeyType.HASH)
                        .build(),
                    KeySchemaElement.builder()
                        .attributeName("workoutId")
                        .keyType(KeyType.RANGE)
                        .build()));
    LocalTables.awaitActive(client, table);
  }

  /** A workout item as the workouts capability writes it. */
  public static void put(
      DynamoDbClient client, String table, String userId, String workoutId, String sport) {
    client.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "userId", AttributeValue.fromS(userId),
                        "workoutId", AttributeValue.fromS(workoutId),
                        "sport", AttributeValue.fromS(sport),
                        "startTime", AttributeValue.fromS("2030-03-05T06:00:00Z"),
                        "startKey", AttributeValue.fromS("2030-03-05T06:00:00Z#" + workoutId),
                        "durationSeconds", AttributeValue.fromN("1800"),
                        "distanceMeters", AttributeValue.fromN("5200"),
                        "notes", AttributeValue.fromS("felt easy"),
                        "version", AttributeValue.fromN("1"))));
  }
}
