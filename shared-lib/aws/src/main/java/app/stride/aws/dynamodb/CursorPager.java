package app.stride.aws.dynamodb;

import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Serves one page of a single-partition query with an opaque cursor ({@link CursorCodec}). The
 * cursor is bound to the table, the index and the partition value, so it cannot be replayed on
 * another user's partition.
 */
public final class CursorPager {
  /** The largest page a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 100;

  private final CursorCodec cursors;

  public CursorPager(CursorCodec cursors) {
    this.cursors = cursors;
  }

  /** One page of the items of {@code partition} in {@code table}, in sort-key order. */
  public <T> Page<T> query(
      DynamoDbTable<T> table, Key partition, int limit, Optional<String> cursor, boolean forward) {
    return page(table.tableName(), partition, limit, cursor, forward, table::query);
  }

  /** One page of the items of {@code partition} in a secondary index, in its sort-key order. */
  public <T> Page<T> query(
      DynamoDbIndex<T> index, Key partition, int limit, Optional<String> cursor, boolean forward) {
    return page(
        index.tableName() + "/" + index.indexName(),
        partition,
        limit,
        cursor,
        forward,
        index::query);
  }

  private <T> Page<T> page(
      String source,
      Key partition,
      int limit,
      Optional<String> cursor,
      boolean forward,
      Function<
              QueryEnhancedRequest,
              SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>>>
          query) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw ProblemException.invalid("query:limit", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    String scope = source + "|" + describe(partition.partitionKeyValue());
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(partition))
            .scanIndexForward(forward)
            .limit(limit);
    cursor.ifPresent(c -> request.exclusiveStartKey(cursors.decode(scope, c)));
    software.amazon.awssdk.enhanced.dynamodb.model.Page<T> page =
        DynamoFailures.call(() -> query.apply(request.build()).iterator().next());
    Map<String, AttributeValue> last = page.lastEvaluatedKey();
    Optional<String> next =
        last == null || last.isEmpty()
            ? Optional.empty()
            : Optional.of(cursors.encode(scope, last));
    return new Page<>(page.items(), next);
  }

  private static String describe(AttributeValue value) {
    if (value.s() != null) {
      return "S:" + value.s();
    }
    if (value.n() != null) {
      return "N:" + value.n();
    }
    return "B:" + java.util.Base64.getEncoder().encodeToString(value.b().asByteArray());
  }
}
