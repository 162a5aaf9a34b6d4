package app.stride.social.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.store.VersionConflictException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The social table as the stores use it: versioned single-item writes ({@link ConditionalWrites})
 * and one-page queries continuing after a key the caller builds from domain values (the listing's
 * cursor is the core's, so DynamoDB and Firestore page alike).
 */
final class DynamoSocialTable {
  private static final TableSchema<SocialItem> SCHEMA = TableSchema.fromBean(SocialItem.class);

  private final ConditionalWrites<SocialItem> writes;
  private final DynamoDbTable<SocialItem> table;

  DynamoSocialTable(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, SCHEMA);
    this.writes = new ConditionalWrites<>(table);
  }

  DynamoDbTable<SocialItem> table() {
    return table;
  }

  Optional<SocialItem> get(String pk, String sk) {
    return writes.get(Key.builder().partitionValue(pk).sortValue(sk).build());
  }

  /** Puts a new item; a {@link VersionConflictException} when one with its key exists. */
  void create(SocialItem item) {
    item.setVersion(null);
    writes.putIfAbsent(item);
  }

  /** Replaces the item if its stored version is {@code expectedVersion}. */
  void replace(SocialItem item, long expectedVersion) {
    item.setVersion(expectedVersion);
    writes.putVersioned(item);
  }

  /** Deletes the item if its stored version is {@code expectedVersion}. */
  void delete(String pk, String sk, long expectedVersion) {
    writes.deleteIf(
        Key.builder().partitionValue(pk).sortValue(sk).build(),
        ConditionalWrites.attributeEquals("version", expectedVersion));
  }

  /** Deletes the item, whatever it holds; nothing happens when it is absent. */
  void deleteAny(String pk, String sk) {
    DynamoFailures.run(
        () -> table.deleteItem(Key.builder().partitionValue(pk).sortValue(sk).build()));
  }

  /** One page of the main table's partition. */
  List<SocialItem> query(
      QueryConditional condition,
      Optional<Map<String, AttributeValue>> after,
      boolean forward,
      int limit) {
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(condition)
            .scanIndexForward(forward)
            .consistentRead(true)
            .limit(limit);
    after.ifPresent(request::exclusiveStartKey);
    return DynamoFailures.call(() -> table.query(request.build()).iterator().next().items());
  }

  /** One page of an index's partition. */
  /** Where a page of the {@code byUser} index starts after: an item's index and table keys. */
  record UserPosition(String userSk, String pk, String sk) {}

  /**
   * A page of the items under {@code userPk} in the {@code byUser} index (a user's memberships,
   * requests, invites or live messages), in {@code userSk} order, after {@code after} if given.
   */
  List<SocialItem> byUser(String userPk, Optional<UserPosition> after, int limit) {
    return queryIndex(
        SocialItem.BY_USER,
        QueryConditional.keyEqualTo(Key.builder().partitionValue(userPk).build()),
        after.map(
            p ->
                Map.of(
                    "userPk", AttributeValue.fromS(userPk),
                    "userSk", AttributeValue.fromS(p.userSk()),
                    "pk", AttributeValue.fromS(p.pk()),
                    "sk", AttributeValue.fromS(p.sk()))),
        limit);
  }

  List<SocialItem> queryIndex(
      String index,
      QueryConditional condition,
      Optional<Map<String, AttributeValue>> after,
      int limit) {
    DynamoDbIndex<SocialItem> byIndex = table.index(index);
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(condition)
            .scanIndexForward(true)
            .limit(limit);
    after.ifPresent(request::exclusiveStartKey);
    return DynamoFailures.call(() -> byIndex.query(request.build()).iterator().next().items());
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
