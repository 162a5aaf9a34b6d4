package app.stride.social.gcp.realtime;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.social.SocialFunctions;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint.Handshake;
import app.stride.social.domain.ConnectionId;
import app.stride.social.gcp.SocialGcpConfig;
import app.stride.social.gcp.adapter.out.firestore.FirestoreConnectionRegistry;
import app.stride.social.gcp.adapter.out.firestore.FirestoreSocialStores;
import com.google.cloud.firestore.Firestore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * The chat channel of a GCP region, the Cloud Run service's main: the shared protocol ({@link
 * WebSocketEndpoint}, the same code as the AWS WebSocket API's routes) on {@code ws://<host>:$PORT}
 * {@value #PATH}, the registry in Firestore, and pushes written to the sockets held here ({@link
 * SocketPush}). The upgrade is handed to {@link WebSocketEndpoint#connect} before it is answered,
 * so a missing, forged or expired token never gets a socket (Java-WebSocket refuses it with a 404);
 * {@code stride.chat.v1} is selected when offered, never the {@code bearer.} subprotocol. The
 * social HTTP function, another process, pushes through {@link InternalPush} on {@value
 * InternalPush#PATH}.
 *
 * <p>One instance per region: a push reaches only sockets held by the instance that receives it
 * ({@code docs/chat.md}, "GCP").
 */
public final class ChatServer extends WebSocketServer {
  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

  /** The clients' path. */
  public static final String PATH = "/v1/ws";

  /** The line printed once the port is bound (the local platform waits for it). */
  public static final String READY = "Serving chat";

  /** The transport's frame cap (API Gateway's); the protocol refuses client frames over 4 KiB. */
  private static final int MAX_FRAME_BYTES = 128 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebSocketEndpoint endpoint;
  private final SocketPush sockets;
  private final InternalPush internalPush;
  private final ExecutorService closing = Executors.newFixedThreadPool(2);
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<AutoCloseable> owned;

  /** A client socket's attachment. */
  private record Client(ConnectionId id) {}

  /** The internal push socket's attachment. */
  private record Pusher() {}

  /**
   * @param endpoint the protocol, over the region's registry and {@code sockets}
   * @param sockets the push {@code endpoint}'s fan-out was built with
   * @param owned closed after the server stops (the Firestore client)
   */
  public ChatServer(
      InetSocketAddress address,
      WebSocketEndpoint endpoint,
      SocketPush sockets,
      InternalPush internalPush,
      List<AutoCloseable> owned) {
    super(
        address,
        Math.max(4, Runtime.getRuntime().availableProcessors()),
        List.of(
            new Draft_6455(
                List.of(),
                List.<IProtocol>of(new Protocol(WebSocketEndpoint.SUBPROTOCOL), new Protocol("")),
                MAX_FRAME_BYTES)));
    this.endpoint = endpoint;
    this.sockets = sockets;
    this.internalPush = internalPush;
    this.owned = List.copyOf(owned);
    setReuseAddr(true);
  }

  /** Serves the region configured in the environment until the process stops. */
  public static void main(String[] args) {
    ChatServer server = create(Env.system(), Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "chat-server-stop"));
    server.startAndWait();
    System.out.println(READY + " on port " + server.getPort());
  }

  /**
   * Wires the chat server of the region {@code env} configures: {@link SocialGcpConfig} (region,
   * Firestore), the token verifier's settings, and {@link ChatServerConfig}.
   */
  public static ChatServer create(Env env, Clock clock) {
    SocialGcpConfig config = SocialGcpConfig.fromEnv(env);
    ChatServerConfig server = ChatServerConfig.fromEnv(env);
    Firestore firestore = FirestoreClients.create(config.firestore());
    SocketPush sockets = new SocketPush();
    SocialFunctions.Realtime realtime =
        SocialFunctions.realtime(
            FirestoreSocialStores.on(firestore),
            new FirestoreConnectionRegistry(firestore),
            sockets,
            TokenVerifiers.fromEnv(env, clock),
            config.region(),
            clock);
    return new ChatServer(
        new InetSocketAddress(server.host(), server.port()),
        realtime.endpoint(),
        sockets,
        new InternalPush(server.pushSecret()),
        List.of(firestore));
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket socket, Draft draft, ClientHandshake request) throws InvalidDataException {
    ServerHandshakeBuilder answer =
        super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
    URI uri = URI.create(request.getResourceDescriptor());
    if (InternalPush.PATH.equals(uri.getPath())) {
      if (!internalPush.admits(request.getFieldValue(InternalPush.SECRET_HEADER))) {
        log.warn("internal push refused: wrong secret");
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused");
      }
      socket.setAttachment(new Pusher());
      return answer;
    }
    if (!PATH.equals(uri.getPath())) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no such channel");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      headers.put(name, request.getFieldValue(name));
    }
    ConnectionId id = newConnectionId();
    Handshake handshake = endpoint.connect(id.value(), headers, query(uri.getRawQuery()));
    if (!handshake.accepted()) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, handshake.status() + " refused");
    }
    socket.setAttachment(new Client(id));
    sockets.add(id, socket);
    return answer;
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    if (socket.getAttachment() instanceof Client client) {
      log.debug("connection {} open", client.id());
    }
  }

  @Override
  public void onMessage(WebSocket socket, String frame) {
    Object attachment = socket.getAttachment();
    if (attachment instanceof Client client) {
      socket.send(endpoint.receive(client.id().value(), frame));
    } else if (attachment instanceof Pusher) {
      socket.send(
          InternalPush.answer(
              InternalPush.readRequest(frame)
                  .map(
                      push ->
                          switch (sockets.push(push.connection(), push.frame())) {
                            case DELIVERED -> InternalPush.Result.DELIVERED;
                            case GONE -> InternalPush.Result.GONE;
                          })
                  .orElse(InternalPush.Result.INVALID)));
    }
  }

  @Override
  public void onMessage(WebSocket socket, ByteBuffer frame) {
    socket.close(CloseFrame.REFUSE, "text frames only");
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    if (socket.getAttachment() instanceof Client client) {
      sockets.remove(client.id());
      closing.execute(() -> endpoint.disconnect(client.id().value()));
    }
  }

  @Override
  public void onError(WebSocket socket, Exception e) {
    log.debug("websocket error: {}", e.toString());
  }

  @Override
  public void onStart() {
    started.countDown();
    log.info("chat channel at port {}{}", getPort(), PATH);
  }

  /** Starts serving and waits until the port is bound. */
  public void startAndWait() {
    start();
    try {
      if (!started.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the chat server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops serving (open sockets are closed, going away) and releases what it owns. */
  public void shutdown() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closing.shutdown();
    try {
      closing.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        log.debug("close failed: {}", e.toString());
      }
    }
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

  private static ConnectionId newConnectionId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new ConnectionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
