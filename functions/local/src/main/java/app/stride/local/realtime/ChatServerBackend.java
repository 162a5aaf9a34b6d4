package app.stride.local.realtime;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GCP region's chat channel: each client connection is proxied, frame for frame, over a socket of
 * its own to the region's chat server (the Cloud Run service's main, a child JVM), opened with the
 * client's subprotocols and query (the token goes along, and the server verifies it: a refused
 * upgrade there refuses the client's). Whatever the server sends, answers and pushes alike, goes
 * back to the client; either side closing closes the other.
 */
final class ChatServerBackend implements RealtimeBackend {
  private static final Logger log = LoggerFactory.getLogger(ChatServerBackend.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final long TIMEOUT_SECONDS = 10;

  /** The chat server's client path. */
  static final String PATH = "/v1/ws";

  private final URI server;
  private final ConcurrentHashMap<String, WebSocket> upstream = new ConcurrentHashMap<>();

  /**
   * @param server the chat server's client URL, {@code ws://127.0.0.1:<port>/v1/ws}
   */
  ChatServerBackend(URI server) {
    this.server = server;
  }

  @Override
  public int connect(
      LocalConnection connection, Map<String, String> headers, Map<String, String> query) {
    WebSocket.Builder builder =
        HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS));
    List<String> offered = subprotocols(headers);
    if (!offered.isEmpty()) {
      builder.subprotocols(
          offered.get(0), offered.subList(1, offered.size()).toArray(String[]::new));
    }
    URI uri =
        query.isEmpty()
            ? server
            : URI.create(
                server
                    + "?"
                    + query.entrySet().stream()
                        .map(
                            e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    try {
      WebSocket socket =
          builder.buildAsync(uri, new Relay(connection)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      upstream.put(connection.id(), socket);
      return 200;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode() == 404 ? 401 : 502;
      }
      log.warn("chat server at {} does not answer: {}", server, e.getCause().toString());
      return 502;
    } catch (TimeoutException e) {
      log.warn("chat server at {} does not answer in time", server);
      return 504;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 502;
    }
  }

  @Override
  public void message(LocalConnection connection, String frame) {
    WebSocket socket = upstream.get(connection.id());
    if (socket == null) {
      return;
    }
    try {
      socket.sendText(frame, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("connection {}: frame not relayed: {}", connection.id(), e.toString());
      connection.socket().close(CloseFrame.TRY_AGAIN_LATER, "the chat server went away");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void disconnect(LocalConnection connection, int code, String reason) {
    WebSocket socket = upstream.remove(connection.id());
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "client closed");
    }
  }

  /** The offered subprotocols, in order. */
  private static List<String> subprotocols(Map<String, String> headers) {
    List<String> offered = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
            for (String protocol : value.split(",")) {
              if (!protocol.isBlank()) {
                offered.add(protocol.strip());
              }
            }
          }
        });
    return offered;
  }

  /** Sends what the chat server sends to the client; closes the client when the server closes. */
  private final class Relay implements WebSocket.Listener {
    private final LocalConnection connection;
    private final StringBuilder partial = new StringBuilder();

    Relay(LocalConnection connection) {
      this.connection = connection;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        connection.send(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      upstream.remove(connection.id());
      connection.socket().close(CloseFrame.NORMAL, "closed by the chat server");
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      upstream.remove(connection.id());
      connection.socket().close(CloseFrame.TRY_AGAIN_LATER, "the chat server went away");
    }
  }
}
