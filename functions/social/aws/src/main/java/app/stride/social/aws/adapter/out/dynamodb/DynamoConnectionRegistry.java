package app.stride.social.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import app.stride.social.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The connection registry on the region's social table ({@link ConnectionItem}, {@link
 * SubscriptionItem}): single-item puts and deletes, the connection item versioned, subscriptions
 * read with one strongly consistent query of the group's partition. Expiry is the table's TTL
 * attribute {@code expiresAt}; the service treats an expired item as absent (no TTL calls here).
 */
public final class DynamoConnectionRegistry implements ConnectionRegistry {
  private static final String CONNECTION_SK = "connection";

  private final ConditionalWrites<ConnectionItem> connections;
  private final DynamoDbTable<ConnectionItem> connectionTable;
  private final DynamoDbTable<SubscriptionItem> subscriptions;

  public DynamoConnectionRegistry(DynamoDbEnhancedClient client, String tableName) {
    this.connectionTable = client.table(tableName, TableSchema.fromBean(ConnectionItem.class));
    this.connections = new ConditionalWrites<>(connectionTable);
    this.subscriptions = client.table(tableName, TableSchema.fromBean(SubscriptionItem.class));
  }

  private static String connectionPk(ConnectionId id) {
    return "ws#" + id.value();
  }

  private static String groupPk(GroupId group) {
    return "wsg#" + group.value();
  }

  @Override
  public void open(Connection connection) {
    ConnectionItem item = toItem(connection);
    item.setVersion(null);
    connections.putIfAbsent(item);
  }

  @Override
  public Optional<Connection> load(ConnectionId id) {
    return connections
        .get(Key.builder().partitionValue(connectionPk(id)).sortValue(CONNECTION_SK).build())
        .map(DynamoConnectionRegistry::fromItem);
  }

  @Override
  public void replace(Connection next, long expectedVersion) {
    ConnectionItem item = toItem(next);
    item.setVersion(expectedVersion);
    connections.putVersioned(item);
  }

  @Override
  public void close(ConnectionId id) {
    DynamoFailures.run(
        () ->
            connectionTable.deleteItem(
                Key.builder().partitionValue(connectionPk(id)).sortValue(CONNECTION_SK).build()));
  }

  @Override
  public void subscribe(Subscription subscription) {
    SubscriptionItem item = new SubscriptionItem();
    item.setPk(groupPk(subscription.group()));
    item.setSk(subscription.connection().value());
    item.setGroupId(subscription.group().value());
    item.setConnectionId(subscription.connection().value());
    item.setUserId(subscription.user().value());
    item.setExpiresAt(subscription.expiresAt().getEpochSecond());
    DynamoFailures.run(() -> subscriptions.putItem(item));
  }

  @Override
  public void unsubscribe(GroupId group, ConnectionId id) {
    DynamoFailures.run(
        () ->
            subscriptions.deleteItem(
                Key.builder().partitionValue(groupPk(group)).sortValue(id.value()).build()));
  }

  @Override
  public List<Subscription> subscribers(GroupId group) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(groupPk(group)).build()))
            .consistentRead(true)
            .build();
    return DynamoFailures.call(
        () -> {
          List<Subscription> found = new ArrayList<>();
          subscriptions
              .query(request)
              .items()
              .forEach(
                  item ->
                      found.add(
                          new Subscription(
                              group,
                              new ConnectionId(item.getConnectionId()),
                              new UserId(item.getUserId()),
                              Instant.ofEpochSecond(item.getExpiresAt()))));
          return found;
        });
  }

  private static ConnectionItem toItem(Connection connection) {
    ConnectionItem item = new ConnectionItem();
    item.setPk(connectionPk(connection.id()));
    item.setSk(CONNECTION_SK);
    item.setUserId(connection.user().value());
    item.setGroups(connection.groups().stream().map(GroupId::value).sorted().toList());
    item.setConnectedAt(connection.connectedAt().toString());
    item.setExpiresAt(connection.expiresAt().getEpochSecond());
    item.setWindowStart(connection.windowStart().toString());
    item.setFramesInWindow(connection.framesInWindow());
    return item;
  }

  private static Connection fromItem(ConnectionItem item) {
    return new Connection(
        new ConnectionId(item.getPk().substring("ws#".length())),
        new UserId(item.getUserId()),
        item.getGroups() == null
            ? java.util.Set.of()
            : item.getGroups().stream().map(GroupId::new).collect(Collectors.toSet()),
        Instant.parse(item.getConnectedAt()),
        Instant.ofEpochSecond(item.getExpiresAt()),
        Instant.parse(item.getWindowStart()),
        item.getFramesInWindow(),
        item.getVersion());
  }
}
