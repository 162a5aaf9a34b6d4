package app.stride.aws.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-item operations of DESIGN.md §4 on an enhanced-client table, with failures translated
 * by {@link DynamoFailures}.
 *
 * <p>Versions: a bean with a {@code @DynamoDbVersionAttribute} carries the version it was read at;
 * {@link #putVersioned} writes it only if the stored item still has that version (or, for a bean
 * whose version is null or 0, only if no item exists) and stores the next version. A lost race is a
 * {@link app.stride.core.store.VersionConflictException}.
 */
public final class ConditionalWrites<T> {
  private final DynamoDbTable<T> table;
  private final Class<T> type;

  public ConditionalWrites(DynamoDbTable<T> table) {
    this.table = table;
    this.type = table.tableSchema().itemType().rawClass();
  }

  /** The table these writes go to. */
  public DynamoDbTable<T> table() {
    return table;
  }

  /** A strongly consistent read of one item. */
  public Optional<T> get(Key key) {
    return Optional.ofNullable(
        DynamoFailures.call(
            () ->
                table.getItem(
                    GetItemEnhancedRequest.builder().key(key).consistentRead(true).build())));
  }

  /**
   * Writes {@code item} if the stored version is the one the item was read at; the version
   * extension adds the condition and increments the version.
   */
  public void putVersioned(T item) {
    DynamoFailures.run(() -> table.putItem(item));
  }

  /** Writes {@code item} only if no item with its key exists (ledger entries, idempotency keys). */
  public void putIfAbsent(T item) {
    String partitionKey = table.tableSchema().tableMetadata().primaryPartitionKey();
    put(
        item,
        Expression.builder()
            .expression("attribute_not_exists(#pk)")
            .expressionNames(Map.of("#pk", partitionKey))
            .build());
  }

  /**
   * Writes {@code item} if {@code condition} holds on the stored item (and the version check
   * passes).
   */
  public void put(T item, Expression condition) {
    DynamoFailures.run(
        () ->
            table.putItem(
                PutItemEnhancedRequest.builder(type)
                    .item(item)
                    .conditionExpression(condition)
                    .build()));
  }

  /** Deletes the item at {@code key} if {@code condition} holds on it. */
  public void deleteIf(Key key, Expression condition) {
    DynamoFailures.run(
        () ->
            table.deleteItem(
                DeleteItemEnhancedRequest.builder()
                    .key(key)
                    .conditionExpression(condition)
                    .build()));
  }

  /** The condition "numeric attribute {@code name} equals {@code value}". */
  public static Expression attributeEquals(String name, long value) {
    return Expression.builder()
        .expression("#attr = :expected")
        .expressionNames(Map.of("#attr", name))
        .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(value))))
        .build();
  }
}
