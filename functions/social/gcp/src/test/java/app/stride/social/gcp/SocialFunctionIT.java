package app.stride.social.gcp;

import static app.stride.social.testing.SocialTestData.T0;
import static app.stride.social.testing.SocialTestData.aCard;
import static app.stride.social.testing.SocialTestData.aGroup;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static app.stride.social.testing.SocialTestData.aMember;
import static app.stride.social.testing.SocialTestData.aMessage;
import static app.stride.social.testing.SocialTestData.aUniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import app.stride.social.gcp.adapter.out.firestore.FirestoreSocialStores;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.IsolatedClassLoader;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.tokens.TestTokens;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The social deployable end to end: the real Functions Framework invoker serving {@link
 * SocialHttpFunction} for region {@code apac} against the Firestore emulator, called by users homed
 * in other regions with tokens signed here (their public keys as {@code STRIDE_LOCAL_JWKS}); and
 * the data eraser {@link SocialUserEraserFunction} started on its own with only region and
 * Firestore, fed the push body its subscription delivers.
 */
class SocialFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();

  /**
   * What the data eraser needs of what infra gives it (region and store; not the token settings nor
   * the cursor key, a secret it is not given), and the emulator standing in for Firestore.
   */
  private static final Set<String> ERASER_VARIABLES =
      Set.of("STRIDE_REGION", "STRIDE_FIRESTORE_PROJECT", "STRIDE_FIRESTORE_EMULATOR_HOST");

  private static Firestore firestore;
  private static SocialStores stores;
  private static Invoker invoker;
  private static URI base;

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
    CONFIG.forEach(System::setProperty);
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    stores = FirestoreSocialStores.on(firestore);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
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
    CONFIG.keySet().forEach(System::clearProperty);
    if (firestore != null) {
      firestore.close();
    }
  }

  @Test
  void groupOfApac_isCreatedThere_joinedFromEu_andChattedIn() throws Exception {
    String chen = TOKENS.accessToken("chen", "apac");
    String ana = TOKENS.accessToken("ana", "eu");

    HttpResponse<String> created =
        post(
            "/v1/groups",
            chen,
            "{\"name\":\"Singapore Sunrise\",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Chen\"}}");
    String group = Json.mapper().readTree(created.body()).path("groupId").asString();
    HttpResponse<String> joined =
        post("/v1/groups/" + group + "/members", ana, "{\"card\":{\"displayName\":\"Ana\"}}");
    HttpResponse<String> sent =
        post(
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"hello from eu\",\"clientMessageId\":\"client-0001\"}");
    HttpResponse<String> history =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/groups/" + group + "/messages"))
                .header("Authorization", "Bearer " + chen)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/regions/apac/groups?q=singa"))
                .header("Authorization", "Bearer " + ana)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(group).startsWith("apac.g");
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    assertThat(history.body()).contains("hello from eu");
    assertThat(found.body()).contains(group);
  }

  @Test
  void emptyMessage_is400_andANonMemberCannotPost() throws Exception {
    String chen = TOKENS.accessToken("chen2", "apac");
    String group =
        Json.mapper()
            .readTree(
                post(
                        "/v1/groups",
                        chen,
                        "{\"name\":\"Quiet Yoga\",\"sport\":\"yoga\",\"visibility\":\"public\","
                            + "\"card\":{\"displayName\":\"Chen\"}}")
                    .body())
            .path("groupId")
            .asString();

    HttpResponse<String> empty =
        post(
            "/v1/groups/" + group + "/messages",
            chen,
            "{\"text\":\"   \",\"clientMessageId\":\"client-0001\"}");
    HttpResponse<String> stranger =
        post(
            "/v1/groups/" + group + "/messages",
            TOKENS.accessToken("eve", "us"),
            "{\"text\":\"hi\",\"clientMessageId\":\"client-0002\"}");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(stranger.statusCode()).isEqualTo(403);
  }

  /**
   * The data eraser's entry point, started on its own with only {@link #ERASER_VARIABLES}: an event
   * of another source is refused with 500 (Pub/Sub redelivers it) and erases nothing; the deleted
   * user's membership then departs and their message becomes a tombstone, and the other member's
   * data stays as it was.
   */
  @Test
  void userEraser_startedWithOnlyItsVariables_erasesTheDeletedUsersMembershipAndMessages()
      throws Exception {
    String ana = aUniqueUser("ana");
    String ben = aUniqueUser("ben");
    GroupId group = aGroupId("apac");
    Group created = aGroup(group, "Marina Bay loop", ben, Visibility.PUBLIC);
    stores.groups().create(created);
    Membership bens = Membership.join(group, new UserId(ben), GroupRole.OWNER, aCard(ben), T0);
    stores.memberships().create(bens);
    stores.memberships().create(aMember(group, ana));
    stores.groups().replace(created.withMemberCount(2, T0), created.version());
    Message anasMessage = aMessage(group, ana, 1, "see you at 6");
    Message bensMessage = aMessage(group, ben, 2, "see you there");
    stores.messages().create(anasMessage);
    stores.messages().create(bensMessage);
    String eventId = UUID.randomUUID().toString();
    String deleted =
        new EventCodec().encode(UserDeleted.event(eventId, "apac", ana, Instant.now()));
    String forged = deleted.replace("/stride/apac/auth", "/stride/apac/social");

    HttpResponse<String> refused =
        OnlyProperties.during(
            CONFIG.keySet(), ERASER_VARIABLES, () -> pushToEraser(eventId, forged));
    assertThat(refused.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(stores.memberships().load(group, new UserId(ana))).isPresent();

    HttpResponse<String> erased =
        OnlyProperties.during(
            CONFIG.keySet(), ERASER_VARIABLES, () -> pushToEraser(eventId, deleted));

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
    assertThat(stores.memberships().load(group, new UserId(ana))).isEmpty();
    Message tombstone = stores.messages().load(group, anasMessage.id()).orElseThrow();
    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.text()).isEmpty();
    assertThat(stores.memberships().load(group, new UserId(ben))).contains(bens);
    assertThat(stores.messages().load(group, bensMessage.id())).contains(bensMessage);
    assertThat(stores.groups().load(group).orElseThrow().memberCount()).isEqualTo(1);
  }

  /**
   * Starts {@link SocialUserEraserFunction} in a class loader of its own (its own Spring context,
   * built from the properties left, not the HTTP function's) and POSTs it what its push
   * subscription delivers for {@code event}.
   */
  private static HttpResponse<String> pushToEraser(String eventId, String event) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    IsolatedClassLoader isolated =
        new IsolatedClassLoader(
            Thread.currentThread().getContextClassLoader(),
            List.of("com.google.cloud.functions.", "io.cloudevents."));
    Invoker eraser = new Invoker(port, SocialUserEraserFunction.class.getName(), null, isolated);
    eraser.startTestServer();
    try (var template =
        SocialFunctionIT.class.getResourceAsStream("/pubsub/user-deleted-push.json")) {
      String body =
          new String(template.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${EVENT_ID}", eventId)
              .replace("${MESSAGE_ID}", UUID.randomUUID().toString())
              .replace(
                  "${DATA}",
                  Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8)));
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } finally {
      eraser.stopServer();
      isolated.close();
    }
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
}
