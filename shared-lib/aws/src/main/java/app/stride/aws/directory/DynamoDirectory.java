package app.stride.aws.directory;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.region.RegionId;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** {@link DirectoryPort} on the global stack's DynamoDB table ({@code stride-directory}). */
public final class DynamoDirectory implements DirectoryPort {
  /** The table the global stack declares. */
  public static final String TABLE = "stride-directory";

  private static final TableSchema<DirectoryItem> SCHEMA =
      TableSchema.fromBean(DirectoryItem.class);

  private final DynamoDbTable<DirectoryItem> table;
  private final ConditionalWrites<DirectoryItem> writes;

  public DynamoDirectory(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, SCHEMA);
    this.writes = new ConditionalWrites<>(table);
  }

  /** The mapped table, for local table creation. */
  public DynamoDbTable<DirectoryItem> table() {
    return table;
  }

  @Override
  public void register(DirectoryKey key, RegionId home) {
    DirectoryItem item = new DirectoryItem();
    item.setPk(key.value());
    item.setHomeRegion(home.value());
    writes.putIfAbsent(item);
  }

  @Override
  public Optional<RegionId> homeRegion(DirectoryKey key) {
    return writes.get(key(key)).map(item -> RegionId.of(item.getHomeRegion()));
  }

  @Override
  public void remove(DirectoryKey key) {
    DynamoFailures.run(() -> table.deleteItem(key(key)));
  }

  private static Key key(DirectoryKey key) {
    return Key.builder().partitionValue(key.value()).build();
  }
}
