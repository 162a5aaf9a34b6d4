package app.stride.social;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint.Handshake;
import app.stride.social.adapter.out.delivery.WebSocketFanOut;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.application.service.RealtimeLimits;
import app.stride.social.application.service.RealtimeService;
import app.stride.social.domain.ConnectionId;
import app.stride.social.testing.InMemoryConnectionRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chat channel of region {@code eu} in memory: connections through {@link WebSocketEndpoint},
 * chat changes made through the HTTP function and fanned out by {@link WebSocketFanOut} to a
 * recording push. Tokens are {@code <user>@<region>}.
 */
class RealtimeChannelTest {
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };
  private static final RealtimeLimits LIMITS =
      new RealtimeLimits(2, Duration.ofSeconds(10), 6, Duration.ofHours(2));

  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final List<Pushed> pushed = new ArrayList<>();
  private final Set<String> gone = new HashSet<>();
  private final ConnectionPush push =
      (connection, frame) -> {
        if (gone.contains(connection.value())) {
          return ConnectionPush.Result.GONE;
        }
        pushed.add(new Pushed(connection.value(), Json.mapper().readTree(frame)));
        return ConnectionPush.Result.DELIVERED;
      };
  private WebSocketFanOut fanOut;
  private final SocialHarness social = new SocialHarness(change -> fanOut.deliver(change));
  private final WebSocketEndpoint endpoint =
      new WebSocketEndpoint(
          new RealtimeService(registry, social.stores, SocialHarness.EU, LIMITS, social.clock),
          VERIFIER);

  {
    fanOut = new WebSocketFanOut(registry, push, social.stores, social.clock);
  }

  private record Pushed(String connection, JsonNode frame) {}

  private Handshake connect(String connection, String token) {
    return endpoint.connect(
        connection,
        Map.of("Sec-WebSocket-Protocol", WebSocketEndpoint.SUBPROTOCOL + ", bearer." + token),
        Map.of());
  }

  private JsonNode frame(String connection, String text) {
    return Json.mapper().readTree(endpoint.receive(connection, text));
  }

  private JsonNode subscribe(String connection, String group) {
    return frame(
        connection, "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\",\"id\":\"s1\"}");
  }

  @Test
  void connect_withBearerSubprotocol_selectsTheProtocol_neverTheToken() {
    Handshake handshake = connect("connAna1", "ana@eu");

    assertThat(handshake.accepted()).isTrue();
    assertThat(handshake.subprotocol()).contains(WebSocketEndpoint.SUBPROTOCOL);
    assertThat(registry.connections).containsKey(new ConnectionId("connAna1"));
  }

  @Test
  void connect_withTokenQuery_isAccepted() {
    Handshake handshake = endpoint.connect("connQ", Map.of(), Map.of("token", "ana@eu"));

    assertThat(handshake.accepted()).isTrue();
    assertThat(handshake.subprotocol()).isEmpty();
  }

  @Test
  void connect_withoutOrWithForgedToken_isRefused401_andRegistersNothing() {
    Handshake missing = endpoint.connect("connNone", Map.of(), Map.of());
    Handshake forged = connect("connForged", "forged-token");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.reason()).doesNotContain("forged-token");
    assertThat(registry.connections).isEmpty();
  }

  @Test
  void member_receivesSentEditedAndDeleted_withinTheGroupOnly() {
    String group = social.createGroup("ana@eu", "Lisbon Runners", "public");
    String other = social.createGroup("ana@eu", "Quiet", "public");
    assertThat(social.join("bo@us", group, "Bo").status()).isEqualTo(201);
    connect("connBo", "bo@us");
    JsonNode subscribed = subscribe("connBo", group);

    String messageId =
        SocialHarness.json(social.post("ana@eu", group, "hello", "client-0001"))
            .path("messageId")
            .asString();
    social.post("ana@eu", other, "elsewhere", "client-0002");
    social.send(
        "PATCH",
        "/v1/groups/" + group + "/messages/" + messageId,
        "ana@eu",
        "{\"text\":\"hello all\"}");
    social.send("DELETE", "/v1/groups/" + group + "/messages/" + messageId, "ana@eu", null);

    assertThat(subscribed.path("type").asString()).isEqualTo("subscribed");
    assertThat(subscribed.path("id").asString()).isEqualTo("s1");
    assertThat(pushed).extracting(Pushed::connection).containsOnly("connBo");
    assertThat(pushed)
        .extracting(p -> p.frame().path("type").asString())
        .containsExactly("message.sent", "message.edited", "message.deleted");
    assertThat(pushed.get(0).frame().path("message").path("text").asString()).isEqualTo("hello");
    assertThat(pushed.get(1).frame().path("message").path("text").asString())
        .isEqualTo("hello all");
    assertThat(pushed.get(2).frame().path("message").path("deleted").asBoolean()).isTrue();
    assertThat(pushed.get(2).frame().path("message").has("text")).isFalse();
  }

  @Test
  void subscribe_ofNonMember_isRefused_andGetsNothing() {
    String group = social.createGroup("ana@eu", "Private Club", "private");
    connect("connEve", "eve@eu");

    JsonNode refused = subscribe("connEve", group);
    social.post("ana@eu", group, "secret", "client-0001");

    assertThat(refused.path("type").asString()).isEqualTo("error");
    assertThat(refused.path("error").asString()).isEqualTo("not-a-member");
    assertThat(refused.path("groupId").asString()).isEqualTo(group);
    assertThat(registry.subscriptions).isEmpty();
    assertThat(pushed).isEmpty();
  }

  @Test
  void subscribe_toAGroupOfAnotherRegion_isRefused_namingThatRegion() {
    connect("connAna", "ana@eu");

    JsonNode refused = subscribe("connAna", "us.g0123456789abcdefghjkmnpqrs");

    assertThat(refused.path("error").asString()).isEqualTo("wrong-region");
    assertThat(refused.path("region").asString()).isEqualTo("us");
    assertThat(refused.path("detail").asString()).contains("region us");
  }

  @Test
  void subscriptions_areBounded_perConnection() {
    String first = social.createGroup("ana@eu", "One", "public");
    String second = social.createGroup("ana@eu", "Two", "public");
    String third = social.createGroup("ana@eu", "Three", "public");
    connect("connAna", "ana@eu");

    subscribe("connAna", first);
    subscribe("connAna", second);
    JsonNode again = subscribe("connAna", second);
    JsonNode refused = subscribe("connAna", third);

    assertThat(again.path("type").asString()).isEqualTo("subscribed");
    assertThat(refused.path("error").asString()).isEqualTo("too-many-subscriptions");
  }

  @Test
  void oversizeOrMalformedFrames_getStableErrors() {
    connect("connAna", "ana@eu");

    JsonNode oversize =
        frame("connAna", "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
    JsonNode notJson = frame("connAna", "hello");
    JsonNode unknown = frame("connAna", "{\"type\":\"shout\",\"id\":\"u1\"}");
    JsonNode badGroup = frame("connAna", "{\"type\":\"subscribe\",\"groupId\":\"nope\"}");
    JsonNode pong = frame("connAna", "{\"type\":\"ping\",\"id\":\"p1\"}");

    assertThat(oversize.path("error").asString()).isEqualTo("frame-too-large");
    assertThat(notJson.path("error").asString()).isEqualTo("invalid-frame");
    assertThat(unknown.path("error").asString()).isEqualTo("unknown-type");
    assertThat(unknown.path("id").asString()).isEqualTo("u1");
    assertThat(badGroup.path("error").asString()).isEqualTo("invalid-frame");
    assertThat(pong.path("type").asString()).isEqualTo("pong");
    assertThat(pong.path("id").asString()).isEqualTo("p1");
  }

  @Test
  void frames_overTheRateWindow_areRefused_untilTheNextWindow() {
    connect("connAna", "ana@eu");
    for (int i = 0; i < LIMITS.maxFramesPerWindow(); i++) {
      assertThat(frame("connAna", "{\"type\":\"ping\"}").path("type").asString()).isEqualTo("pong");
    }

    JsonNode limited = frame("connAna", "{\"type\":\"ping\"}");
    social.clock.advance(LIMITS.window());
    JsonNode later = frame("connAna", "{\"type\":\"ping\"}");

    assertThat(limited.path("error").asString()).isEqualTo("rate-limited");
    assertThat(limited.path("retryAfterSeconds").asLong()).isPositive();
    assertThat(later.path("type").asString()).isEqualTo("pong");
  }

  @Test
  void aGoneConnection_isRemoved_onTheFirstPush() {
    String group = social.createGroup("ana@eu", "Runners", "public");
    connect("connAna", "ana@eu");
    subscribe("connAna", group);
    gone.add("connAna");

    social.post("ana@eu", group, "anyone?", "client-0001");

    assertThat(registry.subscriptions).isEmpty();
    assertThat(registry.connections).doesNotContainKey(new ConnectionId("connAna"));
  }

  @Test
  void aRemovedMember_getsNoMoreChanges() {
    String group = social.createGroup("ana@eu", "Runners", "public");
    social.join("bo@us", group, "Bo");
    connect("connBo", "bo@us");
    subscribe("connBo", group);
    social.send("DELETE", "/v1/groups/" + group + "/members/bo", "ana@eu", null);

    social.post("ana@eu", group, "after bo left", "client-0001");

    assertThat(pushed).isEmpty();
    assertThat(registry.subscriptions).isEmpty();
  }

  @Test
  void afterItsLifetime_aConnection_isGone_andGetsNothing() {
    String group = social.createGroup("ana@eu", "Runners", "public");
    connect("connAna", "ana@eu");
    subscribe("connAna", group);
    social.clock.advance(LIMITS.maxLifetime());

    JsonNode expired = frame("connAna", "{\"type\":\"ping\"}");
    social.post("ana@eu", group, "late", "client-0001");

    assertThat(expired.path("error").asString()).isEqualTo("connection-gone");
    assertThat(pushed).isEmpty();
  }

  @Test
  void disconnect_dropsTheConnectionAndItsSubscriptions() {
    String group = social.createGroup("ana@eu", "Runners", "public");
    connect("connAna", "ana@eu");
    subscribe("connAna", group);

    endpoint.disconnect("connAna");

    assertThat(registry.connections).isEmpty();
    assertThat(registry.subscriptions).isEmpty();
  }
}
