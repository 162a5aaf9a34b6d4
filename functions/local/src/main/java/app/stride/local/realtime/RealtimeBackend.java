package app.stride.local.realtime;

import java.util.Map;

/**
 * A region's chat channel behind the local WebSocket gateway, reached as that region's cloud
 * reaches it: API Gateway events to the realtime Lambda (AWS), a proxied socket to the Cloud
 * Run-style server (GCP).
 */
public interface RealtimeBackend {
  /**
   * Offers an upgrade to the region.
   *
   * @return 200 when accepted, else the HTTP status the upgrade is refused with
   */
  int connect(LocalConnection connection, Map<String, String> headers, Map<String, String> query);

  /** A text frame from the client; what the region answers goes to {@link LocalConnection#send}. */
  void message(LocalConnection connection, String frame);

  /** The client closed (or was closed). */
  void disconnect(LocalConnection connection, int code, String reason);
}
