package app.stride.aws.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a table from its bean schema when it is missing, for the local platform and tests only:
 * in the clouds tables, their indexes and TTL come from infra, and functions have no permission to
 * create them. Secondary indexes project all attributes; billing is on demand.
 */
public final class LocalTables {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private LocalTables() {}

  /** Creates {@code table} with the keys and indexes its schema declares, unless it exists. */
  public static <T> void createIfMissing(DynamoDbTable<T> table, DynamoDbClient client) {
    if (exists(table.tableName(), client)) {
      return;
    }
    try {
      table.createTable(request(table.tableSchema().tableMetadata()));
    } catch (ResourceInUseException e) {
      // another test or process created it first
    }
    awaitActive(table.tableName(), client);
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

  private static void awaitActive(String name, DynamoDbClient client) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (client.describeTable(r -> r.tableName(name)).table().tableStatus()
        != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + name + " did not become active");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating " + name, e);
      }
    }
  }
}
