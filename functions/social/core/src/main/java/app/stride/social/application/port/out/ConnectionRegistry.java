package app.stride.social.application.port.out;

import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * The serving region's open WebSocket connections and their group subscriptions, written with
 * single-item writes. A connection is one item; each subscription is another item keyed by group,
 * so a fan-out reads a group's subscribers with one query. Both carry the connection's expiry as
 * the store's TTL attribute; readers treat an expired item as absent (the services check it).
 */
public interface ConnectionRegistry {
  /** Stores a newly opened connection (replacing any item of the same id). */
  void open(Connection connection);

  /** The connection, or empty when it was never opened or has been closed. */
  Optional<Connection> load(ConnectionId id);

  /**
   * Replaces a connection if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is gone or at another version
   */
  void replace(Connection next, long expectedVersion);

  /** Drops a connection's item; nothing happens when there is none. */
  void close(ConnectionId id);

  /** Stores a subscription (idempotent: a second put of the same pair replaces the first). */
  void subscribe(Subscription subscription);

  /** Drops a subscription; nothing happens when there is none. */
  void unsubscribe(GroupId group, ConnectionId id);

  /** Every stored subscription to {@code group}, expired ones included. */
  List<Subscription> subscribers(GroupId group);
}
