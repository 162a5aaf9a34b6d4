package app.stride.local.realtime;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of the local WebSocket gateway, by id. */
public final class LocalConnections {
  private final ConcurrentHashMap<String, LocalConnection> open = new ConcurrentHashMap<>();

  void add(LocalConnection connection) {
    open.put(connection.id(), connection);
  }

  void remove(String id) {
    open.remove(id);
  }

  /** The open connection {@code id} served by {@code region}, if any. */
  public Optional<LocalConnection> find(String region, String id) {
    return Optional.ofNullable(open.get(id))
        .filter(c -> c.region().value().equals(region) && c.socket().isOpen());
  }

  /** How many connections are open. */
  public int size() {
    return open.size();
  }
}
