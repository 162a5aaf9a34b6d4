package app.stride.aws.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates a table from its bean schema when it is missing, for the local platform and tests only:
 * in the clouds tables, their indexes and TTL come from infra, and functions have no permission to
 * create them. Secondary indexes project all attributes; billing is on demand.
 */
public final class LocalTables {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  private LocalTables() {}

  /**
   * Creates {@code table} with the keys and indexes its schema declares unless it exists, then
   * waits until it is ACTIVE.
   */
  public static <T> void createIfMissing(DynamoDbTable<T> table, DynamoDbClient client) {
    if (!exists(table.tableName(), client)) {
      try {
        table.createTable(request(table.tableSchema().tableMetadata()));
      } catch (ResourceInUseException e) {
        // another test or process created it first
      }
    }
    awaitActive(client, table.tableName());
  }

  static CreateTableEnhancedRequest request(TableMetadata metadata) {
    Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
    List<EnhancedGlobalSecondaryIndex> global = new ArrayList<>();
    List<EnhancedLocalSecondaryIndex> local = new ArrayList<>();
    metadata.indices().stream()
        .filter(index -> !TableMetadata.primaryIndexName().equals(index.name()))
        .forEach(
            index -> {
              if (index.partitionKey().isPresent()) {
                global.add(
                    EnhancedGlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .projection(all)
                        .build());
              } else {
                local.add(EnhancedLocalSecondaryIndex.create(index.name(), all));
              }
            });
    CreateTableEnhancedRequest.Builder request = CreateTableEnhancedRequest.builder();
    if (!global.isEmpty()) {
      request.globalSecondaryIndices(global);
    }
    if (!local.isEmpty()) {
      request.localSecondaryIndices(local);
    }
    return request.build();
  }

  private static boolean exists(String name, DynamoDbClient client) {
    try {
      client.describeTable(r -> r.tableName(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /**
   * Waits until {@code name} is ACTIVE. A local server, like DynamoDB itself, answers CreateTable
   * while the table is still CREATING and refuses item calls on it until then, even when told to
   * create tables instantly; callers that create a table and write at once must wait here first.
   */
  public static void awaitActive(DynamoDbClient client, String name) {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                config ->
                    config
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL))
                        .waitTimeout(READY_TIMEOUT))
            .build()) {
      waiter
          .waitUntilTableExists(request -> request.tableName(name))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new IllegalStateException("table " + name + " did not become active", e);
              });
    }
  }
}
