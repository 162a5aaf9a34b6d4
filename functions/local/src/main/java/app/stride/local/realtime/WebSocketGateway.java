package app.stride.local.realtime;

import app.stride.core.auth.TokenVerifier;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for each region's WebSocket API, on its own port (the JDK HTTP server behind
 * the REST gateway cannot upgrade): {@code ws://localhost:<port>/v1/ws?region=<id>}. In the clouds
 * every region has its own WebSocket endpoint and the client picks the group's region; here the
 * {@code region} query parameter picks it (default: the home region of the offered token). The
 * upgrade is handed to that region's channel ({@link RealtimeBackend}) before it is answered, so a
 * refused token never gets a socket; the subprotocol {@code stride.chat.v1} is selected when
 * offered, never the {@code bearer.} one. Frames are capped at 128 KiB (API Gateway's message
 * limit); the channel itself refuses frames over its own, smaller limit.
 */
public final class WebSocketGateway extends WebSocketServer {
  private static final Logger log = LoggerFactory.getLogger(WebSocketGateway.class);

  /** The path of the chat channel. */
  public static final String PATH = "/v1/ws";

  private static final int MAX_FRAME_BYTES = 128 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<RegionId, RealtimeBackend> backends;
  private final LocalConnections connections;
  private final TokenVerifier verifier;
  private final ExecutorService closing = Executors.newFixedThreadPool(2);
  private final java.util.concurrent.CountDownLatch started =
      new java.util.concurrent.CountDownLatch(1);

  WebSocketGateway(
      InetSocketAddress address,
      Map<RegionId, RealtimeBackend> backends,
      LocalConnections connections,
      TokenVerifier verifier) {
    super(
        address,
        4,
        List.of(
            new Draft_6455(
                List.of(),
                List.<IProtocol>of(new Protocol("stride.chat.v1"), new Protocol("")),
                MAX_FRAME_BYTES)));
    this.backends = backends;
    this.connections = connections;
    this.verifier = verifier;
    setReuseAddr(true);
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket socket, Draft draft, ClientHandshake request) throws InvalidDataException {
    ServerHandshakeBuilder answer =
        super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
    URI uri = URI.create(request.getResourceDescriptor());
    if (!PATH.equals(uri.getPath())) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "404 no such channel");
    }
    Map<String, String> query = query(uri.getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      headers.put(name, request.getFieldValue(name));
    }
    Optional<RegionId> region = region(query, headers);
    RealtimeBackend backend = region.map(backends::get).orElse(null);
    if (backend == null) {
      throw new InvalidDataException(
          CloseFrame.POLICY_VALIDATION, "no chat channel for that region here");
    }
    query.remove("region");
    LocalConnection connection =
        new LocalConnection(
            newConnectionId(),
            region.get(),
            Instant.now(),
            socket.getRemoteSocketAddress().getAddress().getHostAddress(),
            socket);
    int status = backend.connect(connection, headers, query);
    if (status != 200) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, status + " refused");
    }
    socket.setAttachment(connection);
    connections.add(connection);
    return answer;
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    LocalConnection connection = socket.getAttachment();
    log.debug("connection {} open in {}", connection.id(), connection.region());
  }

  @Override
  public void onMessage(WebSocket socket, String frame) {
    LocalConnection connection = socket.getAttachment();
    if (connection != null) {
      backends.get(connection.region()).message(connection, frame);
    }
  }

  @Override
  public void onMessage(WebSocket socket, ByteBuffer frame) {
    socket.close(CloseFrame.REFUSE, "text frames only");
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    LocalConnection connection = socket.getAttachment();
    if (connection == null) {
      return;
    }
    connections.remove(connection.id());
    closing.execute(() -> backends.get(connection.region()).disconnect(connection, code, reason));
  }

  @Override
  public void onError(WebSocket socket, Exception e) {
    log.debug("websocket error: {}", e.toString());
  }

  @Override
  public void onStart() {
    started.countDown();
    log.info("chat channel at ws://localhost:{}{}", getPort(), PATH);
  }

  /** Starts serving and waits until the port is bound. */
  void startAndWait() {
    start();
    try {
      if (!started.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("the WebSocket gateway did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops serving; open connections are closed (going away). */
  public void shutdown() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closing.shutdown();
  }

  /** The {@code region} parameter, else the home region of the offered token (verified). */
  private Optional<RegionId> region(Map<String, String> query, Map<String, String> headers) {
    try {
      if (query.containsKey("region")) {
        return Optional.of(RegionId.of(query.get("region")));
      }
      return token(query, headers).map(t -> verifier.verify(t).homeRegion());
    } catch (IllegalArgumentException | ProblemException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> token(Map<String, String> query, Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
        for (String protocol : header.getValue().split(",")) {
          if (protocol.strip().startsWith("bearer.")) {
            return Optional.of(protocol.strip().substring("bearer.".length()));
          }
        }
      }
    }
    return Optional.ofNullable(query.get("token"));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(name, value);
    }
    return query;
  }

  /** An id shaped like API Gateway's ({@code L0SM9cOFvHcCIhw=}). */
  private static String newConnectionId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).replace('/', '_').replace('+', '-');
  }
}
