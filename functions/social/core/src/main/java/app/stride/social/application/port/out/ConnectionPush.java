package app.stride.social.application.port.out;

import app.stride.social.domain.ConnectionId;

/**
 * Sends a frame to one open connection through the serving gateway: API Gateway's management API on
 * AWS, the socket itself on the Cloud Run server.
 */
public interface ConnectionPush {
  /** What became of a push. */
  enum Result {
    /** The gateway took the frame for the connection. */
    DELIVERED,
    /** The connection no longer exists; the caller removes it from the registry. */
    GONE
  }

  /**
   * Sends the text frame {@code frame} to {@code connection}.
   *
   * @throws RuntimeException when the gateway cannot be reached or refuses for another reason (the
   *     connection is then kept: it may still be there)
   */
  Result push(ConnectionId connection, String frame);
}
