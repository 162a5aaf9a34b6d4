package app.stride.local.realtime;

import app.stride.core.region.RegionId;
import java.time.Instant;
import java.util.Objects;
import org.java_websocket.WebSocket;

/**
 * One client connection of the local WebSocket gateway: the id the region's function knows it by,
 * the region serving it, and the client's socket.
 *
 * @param id the connection id (API Gateway style)
 * @param region the region whose channel serves it
 * @param connectedAt when the upgrade arrived
 * @param sourceIp the client's address
 * @param socket the client's socket
 */
public record LocalConnection(
    String id, RegionId region, Instant connectedAt, String sourceIp, WebSocket socket) {
  public LocalConnection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(socket, "socket");
  }

  /** Sends a text frame to the client; false when its socket is closed. */
  public boolean send(String frame) {
    if (!socket.isOpen()) {
      return false;
    }
    try {
      socket.send(frame);
      return true;
    } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
      return false;
    }
  }
}
