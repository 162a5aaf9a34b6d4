package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.DynamoFailures;
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
 * Deletes every item of one user's partition of the workouts table (a deleted account): workouts,
 * delete markers and idempotency claims ({@code idem#<key>}) alike, as the partition holds nothing
 * else. A strongly consistent Query on {@code userId = <user>} reads keys only, {@value #PAGE} a
 * page, and each page's keys are deleted before the next page is read, so memory holds one page
 * whatever the user's history. The partition key is matched exactly, so {@code usr_1} never reaches
 * {@code usr_10}'s items.
 *
 * <p>Deletes go by BatchWriteItem, {@value #BATCH} keys a call: each delete is still a single-item
 * write (no transaction, DESIGN.md §4), unconditional, as an erasure removes whatever is there.
 * Keys DynamoDB leaves unprocessed (throttling) are sent again, up to {@value #ATTEMPTS} calls with
 * a doubling backoff from {@link #FIRST_BACKOFF}; then the erasure fails as {@link
 * StoreUnavailableException}, what was deleted stays deleted, and the redelivered erasure queries
 * what is left.
 */
final class PartitionEraser {
  /** BatchWriteItem's maximum of requests per call. */
  static final int BATCH = 25;

  /** Keys read per query page: four batches. */
  static final int PAGE = 4 * BATCH;

  /** Calls per batch, the first included, before unprocessed keys fail the erasure. */
  static final int ATTEMPTS = 5;

  /** The wait before the first resend of unprocessed keys; it doubles on each further one. */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<WorkoutItem> table;

  PartitionEraser(DynamoDbEnhancedClient client, DynamoDbTable<WorkoutItem> table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * Deletes every item in {@code userId}'s partition.
   *
   * @return how many items it deleted (0 when the partition was empty)
   * @throws StoreUnavailableException when DynamoDB cannot be reached or keeps keys unprocessed
   */
  int erase(String userId) {
    QueryEnhancedRequest query =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
            .attributesToProject("userId", "workoutId")
            .consistentRead(true)
            .limit(PAGE)
            .build();
    Iterator<Page<WorkoutItem>> pages = DynamoFailures.call(() -> table.query(query).iterator());
    int erased = 0;
    while (DynamoFailures.call(pages::hasNext)) {
      List<Key> keys =
          DynamoFailures.call(pages::next).items().stream().map(table::keyFrom).toList();
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<Key> batch = keys.subList(from, Math.min(from + BATCH, keys.size()));
        delete(batch);
        erased += batch.size();
      }
    }
    return erased;
  }

  private void delete(List<Key> keys) {
    List<Key> pending = new ArrayList<>(keys);
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      WriteBatch.Builder<WorkoutItem> batch =
          WriteBatch.builder(WorkoutItem.class).mappedTableResource(table);
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
