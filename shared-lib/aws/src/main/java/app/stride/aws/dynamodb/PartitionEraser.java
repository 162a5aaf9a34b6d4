package app.stride.aws.dynamodb;

import app.stride.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Deletes one user's items from a table partitioned by user (a deleted account): the whole
 * partition (workouts), or one kind of item in it (devices' activities, claims, imports: {@code
 * begins_with(sk, <kind prefix>)}). A strongly consistent Query reads keys only, page by page, and
 * each page's keys are deleted before the next page is read, so memory holds one page whatever the
 * user holds. The partition key is matched exactly, so {@code usr_1} never reaches {@code usr_10}'s
 * items.
 *
 * <p>Deletes go by BatchWriteItem, {@value #BATCH} keys a call: each delete in a batch is still a
 * single-item, unconditional write (no transaction, DESIGN.md §4), as an erasure removes whatever
 * the user holds and has nothing to check, and a user with thousands of activities is erased in a
 * twenty-fifth of the round trips single deletes would take, within the Lambda's time. Keys
 * DynamoDB leaves unprocessed (throttling) are sent again, up to {@value #ATTEMPTS} attempts with a
 * doubling backoff from {@link #FIRST_BACKOFF}; then the call fails as {@link
 * StoreUnavailableException}, what was deleted stays deleted, and the redelivered erasure queries
 * what is left.
 */
public final class PartitionEraser {
  /** BatchWriteItem's maximum of requests per call. */
  public static final int BATCH = 25;

  /** Keys read per query page: four batches. */
  public static final int PAGE = 4 * BATCH;

  /** Calls per batch, the first included, before unprocessed keys fail the erasure. */
  public static final int ATTEMPTS = 5;

  /** The wait before the first resend of unprocessed keys; it doubles on each further one. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

  private final DynamoDbEnhancedClient client;

  public PartitionEraser(DynamoDbEnhancedClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Deletes every item of {@code table}'s kind whose sort key starts with {@code sortKeyPrefix} in
   * {@code userId}'s partition; returns how many it deleted (0 when there were none).
   *
   * @throws StoreUnavailableException when DynamoDB cannot be reached or keeps keys unprocessed
   */
  public <T> int erase(DynamoDbTable<T> table, String userId, String sortKeyPrefix) {
    return erase(
        table,
        QueryConditional.sortBeginsWith(
            Key.builder().partitionValue(userId).sortValue(sortKeyPrefix).build()));
  }

  /**
   * Deletes every item in {@code userId}'s partition of {@code table}; returns how many it deleted
   * (0 when the partition was empty).
   *
   * @throws StoreUnavailableException when DynamoDB cannot be reached or keeps keys unprocessed
   */
  public <T> int erase(DynamoDbTable<T> table, String userId) {
    return erase(table, QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()));
  }

  private <T> int erase(DynamoDbTable<T> table, QueryConditional partition) {
    QueryEnhancedRequest query =
        QueryEnhancedRequest.builder()
            .queryConditional(partition)
            .attributesToProject(
                table.tableSchema().tableMetadata().primaryPartitionKey(),
                table.tableSchema().tableMetadata().primarySortKey().orElseThrow())
            .consistentRead(true)
            .limit(PAGE)
            .build();
    Iterator<Page<T>> pages = DynamoFailures.call(() -> table.query(query).iterator());
    int erased = 0;
    while (DynamoFailures.call(pages::hasNext)) {
      List<Key> keys =
          DynamoFailures.call(pages::next).items().stream().map(table::keyFrom).toList();
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<Key> batch = keys.subList(from, Math.min(from + BATCH, keys.size()));
        delete(table, batch);
        erased += batch.size();
      }
    }
    return erased;
  }

  private <T> void delete(DynamoDbTable<T> table, List<Key> keys) {
    Class<T> type = table.tableSchema().itemType().rawClass();
    List<Key> pending = new ArrayList<>(keys);
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      WriteBatch.Builder<T> batch = WriteBatch.builder(type).mappedTableResource(table);
      pending.forEach(batch::addDeleteItem);
      BatchWriteItemEnhancedRequest request =
          BatchWriteItemEnhancedRequest.builder().addWriteBatch(batch.build()).build();
      BatchWriteResult result = DynamoFailures.call(() -> client.batchWriteItem(request));
      pending = result.unprocessedDeleteItemsForTable(table);
      if (pending.isEmpty()) {
        return;
      }
      if (attempt >= ATTEMPTS) {
        throw new StoreUnavailableException(
            "data store",
            new IllegalStateException(
                pending.size() + " deletes still unprocessed after " + ATTEMPTS + " attempts"));
      }
      sleep(backoff);
      backoff = backoff.multipliedBy(2);
    }
  }

  private static void sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("data store", e);
    }
  }
}
