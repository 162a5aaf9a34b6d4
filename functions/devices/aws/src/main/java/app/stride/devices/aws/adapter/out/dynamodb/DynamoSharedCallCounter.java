package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.devices.webhook.strava.SharedCallCounter;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The region's shared call windows on DynamoDB: one item per window in the devices table, partition
 * {@code CALLS#<window>} (no user id holds {@code #}, as for the provider accounts' claims), sort
 * key {@value #SORT_KEY}, with {@code used} and {@code expiresAt} (epoch seconds, the table's TTL
 * attribute). A call is counted by one conditional {@code UpdateItem}, {@code ADD used 1} if the
 * item is new or {@code used} is under the limit: atomic, however many instances count at once; a
 * full window fails the condition and changes nothing.
 */
public final class DynamoSharedCallCounter implements SharedCallCounter {
  /** The partition prefix of a window's item. */
  static final String PARTITION_PREFIX = "CALLS#";

  /** The sort key of a window's item. */
  static final String SORT_KEY = "COUNT";

  private final DynamoDbClient client;
  private final String tableName;

  public DynamoSharedCallCounter(DynamoDbClient client, String tableName) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
  }

  @Override
  public boolean tryCount(String window, int limit, Instant expiresAt) {
    SharedCallCounter.requireValid(window, limit);
    return DynamoFailures.call(
        () -> {
          try {
            client.updateItem(
                request ->
                    request
                        .tableName(tableName)
                        .key(
                            Map.of(
                                "userId", AttributeValue.fromS(PARTITION_PREFIX + window),
                                "sk", AttributeValue.fromS(SORT_KEY)))
                        .updateExpression("ADD used :one SET expiresAt = :expiresAt")
                        .conditionExpression("attribute_not_exists(used) OR used < :limit")
                        .expressionAttributeValues(
                            Map.of(
                                ":one", AttributeValue.fromN("1"),
                                ":limit", AttributeValue.fromN(Integer.toString(limit)),
                                ":expiresAt",
                                    AttributeValue.fromN(
                                        Long.toString(expiresAt.getEpochSecond())))));
            return true;
          } catch (ConditionalCheckFailedException full) {
            return false;
          }
        });
  }
}
