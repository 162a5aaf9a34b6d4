package app.stride.planner.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.planner.application.port.out.MyPlanStore;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Users' plans of one region on DynamoDB, through the enhanced client ({@link MyPlanItem} for the
 * item layout). Every method first checks the owner's home region against the region this store
 * serves. A create is a put conditioned on the key's absence; a replace is a put conditioned on the
 * stored {@code version} (no transactions, no TTL).
 */
public final class DynamoMyPlanStore implements MyPlanStore {
  private static final TableSchema<MyPlanItem> SCHEMA = TableSchema.fromBean(MyPlanItem.class);

  private final ConditionalWrites<MyPlanItem> items;
  private final ResidencyGuard guard;

  public DynamoMyPlanStore(DynamoDbEnhancedClient client, String tableName, RegionId region) {
    DynamoDbTable<MyPlanItem> table = client.table(tableName, SCHEMA);
    this.items = new ConditionalWrites<>(table);
    this.guard = new ResidencyGuard(region);
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<MyPlanItem> table() {
    return items.table();
  }

  @Override
  public Optional<MyPlan> load(UserId userId, MyPlanId id, RegionId home) {
    guard.requireHome(home);
    return items.get(key(userId, id)).map(MyPlanItemMapper::toDomain);
  }

  @Override
  public List<MyPlan> list(UserId userId, RegionId home) {
    guard.requireHome(home);
    return query(userId).stream().map(MyPlanItemMapper::toDomain).toList();
  }

  @Override
  public void create(MyPlan plan, RegionId home) {
    guard.requireHome(home);
    items.putIfAbsent(MyPlanItemMapper.toItem(plan));
  }

  @Override
  public void replace(MyPlan plan, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    items.put(
        MyPlanItemMapper.toItem(plan),
        ConditionalWrites.attributeEquals(MyPlanItem.VERSION_ATTRIBUTE, expectedVersion));
  }

  @Override
  public int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    List<MyPlanItem> found = query(userId);
    for (MyPlanItem item : found) {
      DynamoFailures.run(
          () ->
              items
                  .table()
                  .deleteItem(
                      Key.builder().partitionValue(item.getPk()).sortValue(item.getSk()).build()));
    }
    return found.size();
  }

  private List<MyPlanItem> query(UserId userId) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortBeginsWith(
                    Key.builder()
                        .partitionValue(MyPlanItem.partitionOf(userId.value()))
                        .sortValue(MyPlanItem.PLAN_SK_PREFIX)
                        .build()))
            .consistentRead(true)
            .scanIndexForward(true)
            .build();
    return DynamoFailures.call(
        () -> {
          List<MyPlanItem> all = new ArrayList<>();
          for (Page<MyPlanItem> page : items.table().query(request)) {
            all.addAll(page.items());
          }
          return all;
        });
  }

  private static Key key(UserId userId, MyPlanId id) {
    return Key.builder()
        .partitionValue(MyPlanItem.partitionOf(userId.value()))
        .sortValue(MyPlanItem.sortOf(id.value()))
        .build();
  }
}
