package app.stride.social.gcp.realtime;

import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.domain.ConnectionId;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * The sockets this chat server holds, and the push to them: a frame for a socket held here is
 * written to it; one for a socket that is closed or not held here is {@link Result#GONE}, so the
 * fan-out removes it from the registry. With one instance per region (see {@code docs/chat.md})
 * every registered connection is held here or gone.
 */
public final class SocketPush implements ConnectionPush {
  private final ConcurrentHashMap<String, WebSocket> open = new ConcurrentHashMap<>();

  void add(ConnectionId id, WebSocket socket) {
    open.put(id.value(), socket);
  }

  void remove(ConnectionId id) {
    open.remove(id.value());
  }

  /** How many sockets are held. */
  public int size() {
    return open.size();
  }

  @Override
  public Result push(ConnectionId connection, String frame) {
    WebSocket socket = open.get(connection.value());
    if (socket == null || !socket.isOpen()) {
      return Result.GONE;
    }
    try {
      socket.send(frame);
      return Result.DELIVERED;
    } catch (WebsocketNotConnectedException e) {
      return Result.GONE;
    }
  }
}
