package app.stride.social.gcp.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.domain.ConnectionId;
import app.stride.social.gcp.SocialHttpFunction;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.tokens.TestTokens;
import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The GCP chat channel end to end: the {@link ChatServer} of region {@code apac} on a free port
 * against the Firestore emulator, and the social HTTP function ({@link SocialHttpFunction} on the
 * real Functions Framework invoker, another server in this JVM) pushing to it through the internal
 * push. Two members connect with the JDK WebSocket client, subscribe, and receive a message sent
 * through the REST route (waiting up to 10 s, a bound against hanging: speed is for a benchmark);
 * bad tokens and a wrong push secret are refused at the upgrade.
 */
class ChatServerIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final String SECRET = "push-secret-for-the-chat-server-it-0123456789";
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();

  private static ChatServer server;
  private static Invoker invoker;
  private static URI base;
  private static URI chat;
  private static URI push;

  @BeforeAll
  static void start() throws Exception {
    CONFIG.put("STRIDE_REGION", "apac");
    CONFIG.put("STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId());
    CONFIG.put("STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost());
    CONFIG.put("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    CONFIG.put("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    CONFIG.put("STRIDE_LOCAL_MODE", "true");
    CONFIG.put("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    CONFIG.put("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    CONFIG.put(InternalPush.SECRET_ENV, SECRET);
    int chatPort = freePort();
    Map<String, String> serverEnv = new LinkedHashMap<>(CONFIG);
    serverEnv.put("PORT", Integer.toString(chatPort));
    serverEnv.put("STRIDE_CHAT_BIND", "127.0.0.1");
    server = ChatServer.create(new Env(serverEnv), Clock.systemUTC());
    server.startAndWait();
    chat = URI.create("ws://127.0.0.1:" + chatPort + ChatServer.PATH);
    push = URI.create("ws://127.0.0.1:" + chatPort + InternalPush.PATH);

    CONFIG.put(ChatServerPush.URL_ENV, push.toString());
    CONFIG.forEach(System::setProperty);
    int port = freePort();
    invoker =
        new Invoker(
            port,
            SocialHttpFunction.class.getName(),
            null,
            Thread.currentThread().getContextClassLoader());
    invoker.startTestServer();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    if (invoker != null) {
      invoker.stopServer();
    }
    if (server != null) {
      server.shutdown();
    }
    CONFIG.keySet().forEach(System::clearProperty);
  }

  @Test
  void twoMembers_receiveAMessageSentThroughTheHttpFunction() throws Exception {
    String chen = TOKENS.accessToken("chen", "apac");
    String ana = TOKENS.accessToken("ana", "eu");
    String group = createGroup(chen);
    assertThat(
            post("/v1/groups/" + group + "/members", ana, "{\"card\":{\"displayName\":\"Ana\"}}")
                .statusCode())
        .isEqualTo(201);
    Client chenSocket = Client.connect(chat, chen, true);
    Client anaSocket = Client.connect(chat, ana, false);
    JsonNode chenSubscribed = chenSocket.request(subscribe(group, "s1"));
    JsonNode anaSubscribed = anaSocket.request(subscribe(group, "s2"));

    HttpResponse<String> sent =
        post(
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"sunrise run at 6?\",\"clientMessageId\":\"client-0001\"}");
    JsonNode toChen = chenSocket.next(Duration.ofSeconds(10));
    JsonNode toAna = anaSocket.next(Duration.ofSeconds(10));

    assertThat(chenSocket.socket.getSubprotocol()).isEqualTo("stride.chat.v1");
    assertThat(chenSubscribed.path("type").asString()).isEqualTo("subscribed");
    assertThat(chenSubscribed.path("id").asString()).isEqualTo("s1");
    assertThat(anaSubscribed.path("type").asString()).isEqualTo("subscribed");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    String messageId = Json.mapper().readTree(sent.body()).path("messageId").asString();
    assertThat(toChen.path("type").asString()).isEqualTo("message.sent");
    assertThat(toChen.path("groupId").asString()).isEqualTo(group);
    assertThat(toChen.path("message").path("text").asString()).isEqualTo("sunrise run at 6?");
    assertThat(toChen.path("message").path("messageId").asString()).isEqualTo(messageId);
    assertThat(toAna.path("message").path("messageId").asString()).isEqualTo(messageId);
    chenSocket.close();
    anaSocket.close();
  }

  @Test
  void aClosedSocket_isDropped_andTheOtherSocketOfTheMemberStillReceives() throws Exception {
    String chen = TOKENS.accessToken("chen3", "apac");
    String group = createGroup(chen);
    Client first = Client.connect(chat, chen, true);
    Client second = Client.connect(chat, chen, true);
    first.request(subscribe(group, "a"));
    second.request(subscribe(group, "b"));
    first.close();

    HttpResponse<String> sent =
        post(
            "/v1/groups/" + group + "/messages",
            chen,
            "{\"text\":\"still here?\",\"clientMessageId\":\"client-0003\"}");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    assertThat(second.next(Duration.ofSeconds(10)).path("message").path("text").asString())
        .isEqualTo("still here?");
    second.close();
  }

  @Test
  void nonMember_getsNotAMember_andAnotherRegionsGroup_wrongRegion() throws Exception {
    String chen = TOKENS.accessToken("chen2", "apac");
    String group = createGroup(chen);
    Client eve = Client.connect(chat, TOKENS.accessToken("eve", "us"), false);

    JsonNode notMember = eve.request(subscribe(group, "e1"));
    JsonNode elsewhere = eve.request(subscribe("eu.g" + "a".repeat(26), "e2"));
    JsonNode pong = eve.request("{\"type\":\"ping\",\"id\":\"p1\"}");

    assertThat(notMember.path("error").asString()).isEqualTo("not-a-member");
    assertThat(elsewhere.path("error").asString()).isEqualTo("wrong-region");
    assertThat(elsewhere.path("region").asString()).isEqualTo("eu");
    assertThat(pong.path("type").asString()).isEqualTo("pong");
    eve.close();
  }

  @Test
  void upgrade_withMissingForgedOrExpiredToken_isRefused() {
    String valid = TOKENS.accessToken("ana", "eu");
    String forged = valid.substring(0, valid.length() - 6) + "AAAAAA";
    String expired =
        TOKENS.sign(
            TOKENS
                .claims(
                    "ana", "eu", Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(10))
                .build());

    for (String token : new String[] {null, forged, expired}) {
      assertThatThrownBy(() -> Client.connect(chat, token, true))
          .as(token == null ? "missing" : token == forged ? "forged" : "expired")
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }
    assertThatThrownBy(() -> Client.connect(chat, forged, false))
        .as("forged in the query")
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
  }

  @Test
  void internalPush_refusesAWrongSecret_andAnswersGoneForAnUnknownConnection() {
    ChatServerPush wrong = new ChatServerPush(push, SECRET.replace('0', 'x'));
    ChatServerPush right = new ChatServerPush(push, SECRET);
    ConnectionId unknown = new ConnectionId("no-such-connection");

    assertThatThrownBy(() -> wrong.push(unknown, "{}"))
        .isInstanceOf(IllegalStateException.class)
        .cause()
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class);
    assertThatThrownBy(
            () ->
                HTTP.newWebSocketBuilder()
                    .buildAsync(push, new WebSocket.Listener() {})
                    .get(5, TimeUnit.SECONDS))
        .as("no secret at all")
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(right.push(unknown, "{}")).isEqualTo(ConnectionPush.Result.GONE);
    right.close();
  }

  private static String subscribe(String group, String id) {
    return "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\",\"id\":\"" + id + "\"}";
  }

  private static String createGroup(String owner) throws Exception {
    HttpResponse<String> created =
        post(
            "/v1/groups",
            owner,
            "{\"name\":\"Singapore Sunrise\",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Chen\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.mapper().readTree(created.body()).path("groupId").asString();
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A chat client on the JDK WebSocket client, collecting the text frames it receives. */
  private static final class Client implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Offers the token as the {@code bearer.} subprotocol, or else in the query. */
    static Client connect(URI chat, String token, boolean subprotocol) throws Exception {
      Client client = new Client();
      WebSocket.Builder builder = HTTP.newWebSocketBuilder();
      URI uri = chat;
      if (token != null && subprotocol) {
        builder.subprotocols("stride.chat.v1", "bearer." + token);
      } else {
        builder.subprotocols("stride.chat.v1");
        if (token != null) {
          uri = URI.create(chat + "?token=" + token);
        }
      }
      client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
      return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(Json.mapper().readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    JsonNode request(String frame) throws Exception {
      socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
      return next(Duration.ofSeconds(5));
    }

    JsonNode next(Duration within) throws InterruptedException {
      JsonNode frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(frame).as("a frame within " + within).isNotNull();
      return frame;
    }

    void close() throws Exception {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }
}
