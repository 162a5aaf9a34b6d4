package app.stride.social.testing;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The connection registry in memory, with the adapters' conditional-write semantics. */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {
  public final Map<ConnectionId, Connection> connections = new ConcurrentHashMap<>();
  public final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  private static String key(GroupId group, ConnectionId id) {
    return group.value() + "|" + id.value();
  }

  @Override
  public void open(Connection connection) {
    connections.put(connection.id(), connection);
  }

  @Override
  public Optional<Connection> load(ConnectionId id) {
    return Optional.ofNullable(connections.get(id));
  }

  @Override
  public synchronized void replace(Connection next, long expectedVersion) {
    Connection current = connections.get(next.id());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("connection " + next.id());
    }
    connections.put(next.id(), next);
  }

  @Override
  public void close(ConnectionId id) {
    connections.remove(id);
  }

  @Override
  public void subscribe(Subscription subscription) {
    subscriptions.put(key(subscription.group(), subscription.connection()), subscription);
  }

  @Override
  public void unsubscribe(GroupId group, ConnectionId id) {
    subscriptions.remove(key(group, id));
  }

  @Override
  public List<Subscription> subscribers(GroupId group) {
    return subscriptions.values().stream().filter(s -> s.group().equals(group)).toList();
  }
}
