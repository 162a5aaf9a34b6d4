package app.stride.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.json.Json;
import app.stride.core.region.RegionCatalog;
import app.stride.testkit.junit.AbsentSwitch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The chat channel end to end through {@code ./run-local}'s platform: members homed in {@code eu}
 * and {@code us} connect with the JDK WebSocket client to the group's region ({@code eu}, an AWS
 * region: API Gateway WebSocket events to the realtime Lambda host, pushes through the local
 * management API), subscribe, and receive what is sent, edited and deleted through the REST
 * gateway; intruders and bad frames are refused. With the Google emulators, the {@code apac} (GCP)
 * region runs too and its channel, the chat server proxied by the gateway, delivers the same way;
 * without them the suite fails unless they are declared absent, and then reports the {@code apac}
 * case as not run ({@link AbsentSwitch}).
 */
@ExtendWith(SharedPlatform.Extension.class)
class LocalRealtimeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * How long a socket waits for a push before the test gives up: a bound against hanging, not a
   * latency target (delivery speed belongs in a benchmark; on a busy CI machine a push once took
   * 1.002 s).
   */
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(10);

  private static Path data;
  private static LocalPlatform platform;
  private static boolean gcp;

  @BeforeAll
  static void start(SharedPlatform shared) {
    gcp = AbsentSwitch.gcloudEmulatorsOrReport("LocalRealtimeIT: the apac (GCP) chat channel");
    platform = shared.platform();
    data = shared.data();
  }

  @Test
  void membersOfTwoRegions_receiveSentEditedAndDeleted() throws Exception {
    String ana = token("ana", "eu");
    String bo = token("bo", "us");
    String group = createGroup(ana, "public");
    assertThat(
            call(
                    "POST",
                    "/v1/groups/" + group + "/members",
                    bo,
                    "{\"card\":{\"displayName\":\"Bo\"}}")
                .statusCode())
        .isEqualTo(201);
    Client anaSocket = Client.connect("eu", ana);
    Client boSocket = Client.connect("eu", bo);
    assertThat(anaSocket.socket.getSubprotocol()).isEqualTo("stride.chat.v1");
    assertThat(anaSocket.request(subscribe(group, "s1")).path("type").asString())
        .isEqualTo("subscribed");
    assertThat(boSocket.request(subscribe(group, "s2")).path("type").asString())
        .isEqualTo("subscribed");

    HttpResponse<String> sent =
        call(
            "POST",
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"tempo run at 7?\",\"clientMessageId\":\"client-0001\"}");
    JsonNode toBo = boSocket.next(DELIVERY_WAIT);
    JsonNode toAna = anaSocket.next(DELIVERY_WAIT);
    String messageId = Json.mapper().readTree(sent.body()).path("messageId").asString();
    call(
        "PATCH",
        "/v1/groups/" + group + "/messages/" + messageId,
        ana,
        "{\"text\":\"tempo run at 7:30?\"}");
    JsonNode edited = boSocket.next(DELIVERY_WAIT);
    call("DELETE", "/v1/groups/" + group + "/messages/" + messageId, ana, null);
    JsonNode deleted = boSocket.next(DELIVERY_WAIT);

    assertThat(sent.statusCode()).isEqualTo(201);
    assertThat(toBo.path("type").asString()).isEqualTo("message.sent");
    assertThat(toBo.path("message").path("text").asString()).isEqualTo("tempo run at 7?");
    assertThat(toAna.path("message").path("messageId").asString()).isEqualTo(messageId);
    assertThat(edited.path("type").asString()).isEqualTo("message.edited");
    assertThat(edited.path("message").path("text").asString()).isEqualTo("tempo run at 7:30?");
    assertThat(deleted.path("type").asString()).isEqualTo("message.deleted");
    assertThat(deleted.path("message").path("deleted").asBoolean()).isTrue();
    assertThat(deleted.path("message").has("text")).isFalse();
    anaSocket.close();
    boSocket.close();
  }

  @Test
  void apacGroup_throughTheChatServer_deliversToMembersOfTwoRegions() throws Exception {
    Assumptions.assumeTrue(gcp, "no Google emulators: reported as not run by AbsentSwitch");
    String chen = token("chen", "apac");
    String ana = token("ana", "eu");
    String group = createGroup(chen, "public");
    assertThat(
            call(
                    "POST",
                    "/v1/groups/" + group + "/members",
                    ana,
                    "{\"card\":{\"displayName\":\"Ana\"}}")
                .statusCode())
        .isEqualTo(201);
    Client chenSocket = Client.connect("apac", chen);
    Client anaSocket = Client.connect("apac", ana);
    JsonNode chenSubscribed = chenSocket.request(subscribe(group, "s1"));
    JsonNode anaSubscribed = anaSocket.request(subscribe(group, "s2"));
    JsonNode notHere = anaSocket.request(subscribe(createGroup(ana, "public"), "s3"));

    HttpResponse<String> sent =
        call(
            "POST",
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"sunrise run at 6?\",\"clientMessageId\":\"client-0003\"}");
    JsonNode toChen = chenSocket.next(DELIVERY_WAIT);
    JsonNode toAna = anaSocket.next(DELIVERY_WAIT);

    assertThat(group).startsWith("apac.g");
    assertThat(chenSocket.socket.getSubprotocol()).isEqualTo("stride.chat.v1");
    assertThat(chenSubscribed.path("type").asString()).isEqualTo("subscribed");
    assertThat(anaSubscribed.path("type").asString()).isEqualTo("subscribed");
    assertThat(notHere.path("error").asString()).isEqualTo("wrong-region");
    assertThat(notHere.path("region").asString()).isEqualTo("eu");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    assertThat(toChen.path("type").asString()).isEqualTo("message.sent");
    assertThat(toChen.path("message").path("text").asString()).isEqualTo("sunrise run at 6?");
    assertThat(toAna.path("message").path("messageId").asString())
        .isEqualTo(Json.mapper().readTree(sent.body()).path("messageId").asString());
    assertThatThrownBy(
            () -> Client.connect("apac", chen.substring(0, chen.length() - 6) + "AAAAAA"))
        .as("forged token at the apac channel")
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    chenSocket.close();
    anaSocket.close();
  }

  @Test
  void nonMember_andAnotherRegionsGroup_areRefused_withStableErrors() throws Exception {
    String ana = token("ana", "eu");
    String privateGroup = createGroup(ana, "private");
    String usGroup = createGroup(token("bo", "us"), "public");
    Client eve = Client.connect("eu", token("eve", "eu"));

    JsonNode notMember = eve.request(subscribe(privateGroup, "e1"));
    JsonNode elsewhere = eve.request(subscribe(usGroup, "e2"));
    call(
        "POST",
        "/v1/groups/" + privateGroup + "/messages",
        ana,
        "{\"text\":\"members only\",\"clientMessageId\":\"client-0002\"}");

    assertThat(notMember.path("error").asString()).isEqualTo("not-a-member");
    assertThat(elsewhere.path("error").asString()).isEqualTo("wrong-region");
    assertThat(elsewhere.path("region").asString()).isEqualTo("us");
    assertThat(eve.poll(Duration.ofMillis(500))).isNull();
    eve.close();
  }

  @Test
  void connect_withMissingForgedOrExpiredToken_isRefused() throws Exception {
    String valid = token("ana", "eu");
    String forged = valid.substring(0, valid.length() - 6) + "AAAAAA";
    String expired =
        LocalTokenIssuer.load(
                data,
                RegionCatalog.bundled(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
            .issue("ana", "eu");

    for (String token : new String[] {null, forged, expired}) {
      assertThatThrownBy(() -> Client.connect("eu", token))
          .as(token == null ? "missing" : token == forged ? "forged" : "expired")
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }
  }

  @Test
  void oversizeFrame_getsFrameTooLarge_andTheConnectionStaysUsable() throws Exception {
    Client ana = Client.connect("eu", token("ana", "eu"));

    JsonNode oversize =
        ana.request("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(5000) + "\"}");
    JsonNode pong = ana.request("{\"type\":\"ping\",\"id\":\"p1\"}");

    assertThat(oversize.path("error").asString()).isEqualTo("frame-too-large");
    assertThat(pong.path("type").asString()).isEqualTo("pong");
    assertThat(pong.path("id").asString()).isEqualTo("p1");
    ana.close();
  }

  private static String subscribe(String group, String id) {
    return "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\",\"id\":\"" + id + "\"}";
  }

  private static String createGroup(String owner, String visibility) throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/v1/groups",
            owner,
            "{\"name\":\"Harbour Runners\",\"sport\":\"running\",\"visibility\":\""
                + visibility
                + "\",\"card\":{\"displayName\":\"Owner\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.mapper().readTree(created.body()).path("groupId").asString();
  }

  private static String token(String user, String region) throws Exception {
    HttpResponse<String> response =
        call(
            "POST",
            "/dev/tokens",
            null,
            "{\"userId\":\"" + user + "\",\"homeRegion\":\"" + region + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body()).path("accessToken").asString();
  }

  private static HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A chat client on the JDK WebSocket client, collecting the text frames it receives. */
  private static final class Client implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Client connect(String region, String token) throws Exception {
      Client client = new Client();
      WebSocket.Builder builder = HTTP.newWebSocketBuilder();
      if (token != null) {
        builder.subprotocols("stride.chat.v1", "bearer." + token);
      } else {
        builder.subprotocols("stride.chat.v1");
      }
      client.socket =
          builder
              .buildAsync(URI.create(platform.chatUrl() + "?region=" + region), client)
              .get(10, TimeUnit.SECONDS);
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

    /** Sends a frame and answers the next frame received (the channel answers each in order). */
    JsonNode request(String frame) throws Exception {
      socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
      return next(Duration.ofSeconds(5));
    }

    JsonNode next(Duration within) throws InterruptedException {
      JsonNode frame = poll(within);
      assertThat(frame).as("a frame within " + within).isNotNull();
      return frame;
    }

    JsonNode poll(Duration within) throws InterruptedException {
      return frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() throws Exception {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }
}
