package app.stride.devices.application.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.connection.AuthorizationRequest;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.HttpProviderAccountLookup;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.OAuthException;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting, refreshing and disconnecting, against a local stand-in for the token endpoints. */
class ConnectionServiceTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");
  private static final UserId BEN = new UserId("usr_ben");
  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

  private static WireMockServer server;

  private final MemoryConnections store = new MemoryConnections();
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final TokenCipher cipher = LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32]));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<String> queued = new ArrayList<>();
  private final List<byte[]> queuedBodies = new ArrayList<>();
  private boolean queueDown;
  private final WorkQueue queue =
      (kind, key, body) -> {
        if (queueDown) {
          throw new StoreUnavailableException("queue", null);
        }
        queued.add(kind + " " + key);
        queuedBodies.add(body);
      };
  private ConnectionService service;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_OAUTH_STATE_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STRIDE_OAUTH_REDIRECT_URI", "https://stride.app/connect");
    for (String p : new String[] {"STRAVA", "FITBIT", "WAHOO"}) {
      env.put("STRIDE_OAUTH_" + p + "_CLIENT_ID", p.toLowerCase() + "-client");
      env.put("STRIDE_OAUTH_" + p + "_CLIENT_SECRET", p.toLowerCase() + "-secret");
      env.put("STRIDE_OAUTH_" + p + "_TOKEN_URL", server.baseUrl() + "/" + p + "/token");
    }
    HttpClient http = HttpClient.newHttpClient();
    service =
        new ConnectionService(
            store,
            ConnectionSettings.fromEnv(env),
            new OAuthClient(http, Duration.ofSeconds(2)),
            cipher,
            new HttpProviderAccountLookup(
                http,
                Map.of(
                    Provider.WAHOO,
                    URI.create(server.baseUrl() + "/v1/user"),
                    Provider.FITBIT,
                    URI.create(
                        server.baseUrl() + HttpProviderAccountLookup.GOOGLE_HEALTH_IDENTITY)),
                Duration.ofSeconds(2)),
            RefreshPolicy.defaults(),
            ProviderRevocations.fromEnv(env),
            queue,
            erased,
            EU,
            clock);
  }

  @Test
  void start_givesTheProvidersAuthorizeUrl_withAStateBoundToTheUser_andPkceWhereSupported() {
    AuthorizationRequest fitbit = service.start(ANNA, EU, Provider.FITBIT);

    Map<String, String> query = query(fitbit.url());
    assertThat(fitbit.url().getHost()).isEqualTo("accounts.google.com");
    assertThat(query)
        .containsEntry("client_id", "fitbit-client")
        .containsEntry("redirect_uri", "https://stride.app/connect")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("state", fitbit.state());
    assertThat(query(service.start(ANNA, EU, Provider.STRAVA).url()))
        .doesNotContainKey("code_challenge");
  }

  @Test
  void start_forAProviderThisRegionDoesNotOffer_isNotFound() {
    assertThat(service.offers(Provider.POLAR)).isFalse();
    assertThatThrownBy(() -> service.start(ANNA, EU, Provider.POLAR))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND.uri()));
  }

  @Test
  void complete_exchangesTheCode_andStoresTheTokensEncrypted_underTheProviderAccount() {
    stravaTokens("at-anna", "rt-anna", 987654);
    String state = service.start(ANNA, EU, Provider.STRAVA).state();

    Connection connection = service.complete(ANNA, EU, Provider.STRAVA, "code-1", state);

    assertThat(connection.providerUserId()).isEqualTo("987654");
    Connection stored = store.find(ANNA, Provider.STRAVA, EU).orElseThrow();
    assertThat(new String(stored.accessToken(), StandardCharsets.ISO_8859_1))
        .as("no plaintext token at rest")
        .doesNotContain("at-anna");
    assertThat(service.accessToken(stored, EU, false).reveal()).isEqualTo("at-anna");
    assertThat(store.findByProviderUser(Provider.STRAVA, "987654", EU)).contains(stored);
    server.verify(
        postRequestedFor(urlEqualTo("/STRAVA/token"))
            .withRequestBody(containing("code=code-1"))
            .withRequestBody(containing("client_secret=strava-secret")));
  }

  @Test
  void complete_forAnErasedAccount_isRefusedAs401_beforeAnyTokenRequest_andStoresNothing() {
    stravaTokens("at-anna", "rt-anna", 987654);
    String state = service.start(ANNA, EU, Provider.STRAVA).state();
    erased.markers.put(ANNA, Instant.MAX);

    assertProblem(
        () -> service.complete(ANNA, EU, Provider.STRAVA, "code-1", state),
        ProblemType.UNAUTHORIZED);
    assertThat(store.list(ANNA, EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "987654", EU)).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void complete_overtakenByTheErasure_removesTheConnectionItStored_revokes_andIs401() {
    stravaTokens("at-anna", "rt-anna", 987654);
    String state = service.start(ANNA, EU, Provider.STRAVA).state();
    // The account is marked erased (and the eraser finds no connection yet) between the first
    // check and the code exchange: only the second check can take back the grant obtained.
    erased.eraseRightAfterFirstCheck(() -> erased.markers.put(ANNA, Instant.MAX));

    assertProblem(
        () -> service.complete(ANNA, EU, Provider.STRAVA, "code-1", state),
        ProblemType.UNAUTHORIZED);
    assertThat(store.list(ANNA, EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "987654", EU)).isEmpty();
    assertThat(queued).singleElement().asString().startsWith(QueuedRevocation.KIND + " ");
  }

  @Test
  void complete_isNotRefused_byAnotherAccountsMarker() {
    stravaTokens("at-anna", "rt-anna", 987654);
    String state = service.start(ANNA, EU, Provider.STRAVA).state();
    erased.markers.put(BEN, Instant.MAX);

    service.complete(ANNA, EU, Provider.STRAVA, "code-1", state);

    assertThat(store.list(ANNA, EU)).hasSize(1);
  }

  @Test
  void complete_withAStateIssuedToAnotherUser_isRejected_beforeAnyTokenRequest() {
    // Login CSRF: Ben gets Anna to complete Ben's flow, which would link Ben's Strava to Anna.
    stravaTokens("at-ben", "rt-ben", 111);
    String bensState = service.start(BEN, EU, Provider.STRAVA).state();

    assertProblem(
        () -> service.complete(ANNA, EU, Provider.STRAVA, "code-ben", bensState),
        ProblemType.CONNECTION_REJECTED);
    assertThat(store.list(ANNA, EU)).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void complete_withAForgedOrOtherProvidersState_isRejected() {
    String fitbitState = service.start(ANNA, EU, Provider.FITBIT).state();
    char[] forged = fitbitState.toCharArray();
    forged[forged.length - 2] = forged[forged.length - 2] == 'A' ? 'B' : 'A';

    assertProblem(
        () -> service.complete(ANNA, EU, Provider.STRAVA, "c", fitbitState),
        ProblemType.CONNECTION_REJECTED);
    assertProblem(
        () -> service.complete(ANNA, EU, Provider.FITBIT, "c", new String(forged)),
        ProblemType.CONNECTION_REJECTED);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void complete_whenTheProviderRefusesTheCode_isRejected_andWhenItIsDown_isA503WithRetryAfter() {
    server.stubFor(
        post("/STRAVA/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\"}")));
    String state = service.start(ANNA, EU, Provider.STRAVA).state();
    assertProblem(
        () -> service.complete(ANNA, EU, Provider.STRAVA, "used-code", state),
        ProblemType.CONNECTION_REJECTED);

    server.stubFor(post("/STRAVA/token").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> service.complete(ANNA, EU, Provider.STRAVA, "code", state))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
              assertThat(e.headers()).containsKey("Retry-After");
            });
    assertThat(store.list(ANNA, EU)).isEmpty();
  }

  @Test
  void complete_withAProviderAccountAnotherUserConnected_isAConflict_andKeepsTheirs() {
    stravaTokens("at-1", "rt-1", 555);
    service.complete(
        BEN, EU, Provider.STRAVA, "code-b", service.start(BEN, EU, Provider.STRAVA).state());

    assertProblem(
        () ->
            service.complete(
                ANNA,
                EU,
                Provider.STRAVA,
                "code-a",
                service.start(ANNA, EU, Provider.STRAVA).state()),
        ProblemType.CONFLICT);
    assertThat(store.findByProviderUser(Provider.STRAVA, "555", EU).orElseThrow().userId())
        .isEqualTo(BEN);
  }

  @Test
  void complete_forAProviderWhoseTokenAnswerNamesNoUser_asksWhoTheUserIs() {
    server.stubFor(
        post("/WAHOO/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-w\",\"refresh_token\":\"rt-w\",\"expires_in\":7200}")));
    server.stubFor(get("/v1/user").willReturn(okJson("{\"id\":4242,\"first\":\"Anna\"}")));

    Connection connection =
        service.complete(
            ANNA, EU, Provider.WAHOO, "code", service.start(ANNA, EU, Provider.WAHOO).state());

    assertThat(connection.providerUserId()).isEqualTo("4242");
    assertThat(
            server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlEqualTo("/v1/user"))))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer at-w"));
  }

  @Test
  void complete_forFitbit_takesTheHealthUserIdOfGoogleHealthsIdentity() {
    server.stubFor(
        post("/FITBIT/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"ya29.anna\",\"refresh_token\":\"1//0g-anna\","
                        + "\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    server.stubFor(
        get("/v4/users/me/identity")
            .willReturn(
                okJson(
                    "{\"name\":\"users/me/identity\",\"legacyUserId\":\"2E4RVC\","
                        + "\"healthUserId\":\"3Mg7QzU2kPq\"}")));

    Connection connection =
        service.complete(
            ANNA, EU, Provider.FITBIT, "code", service.start(ANNA, EU, Provider.FITBIT).state());

    assertThat(connection.providerUserId()).isEqualTo("3Mg7QzU2kPq");
    assertThat(store.findByProviderUser(Provider.FITBIT, "3Mg7QzU2kPq", EU)).isPresent();
    assertThat(
            server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlEqualTo("/v4/users/me/identity"))))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer ya29.anna"));
    server.verify(
        postRequestedFor(urlEqualTo("/FITBIT/token"))
            .withRequestBody(containing("code_verifier="))
            .withRequestBody(containing("client_secret=fitbit-secret")));
  }

  @Test
  void accessToken_refreshesShortlyBeforeExpiry_andKeepsTheRotatedRefreshToken() {
    Connection connection = connect(ANNA, "at-old", "rt-old", NOW.plusSeconds(120));
    server.stubFor(
        post("/STRAVA/token")
            .withRequestBody(containing("refresh_token=rt-old"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-new\",\"refresh_token\":\"rt-new\","
                        + "\"expires_at\":"
                        + NOW.plusSeconds(21600).getEpochSecond()
                        + "}")));

    assertThat(service.accessToken(connection, EU, false).reveal()).isEqualTo("at-new");

    Connection stored = store.find(ANNA, Provider.STRAVA, EU).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.expiresAt()).isEqualTo(NOW.plusSeconds(21600));
    assertThat(cipher.decrypt(stored.refreshToken(), ANNA, Provider.STRAVA).reveal())
        .isEqualTo("rt-new");
    assertThat(service.accessToken(stored, EU, false).reveal())
        .as("a fresh token is not refreshed again")
        .isEqualTo("at-new");
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void accessToken_whenAnotherWorkerRefreshedFirst_usesTheStoredTokens() {
    Connection seen = connect(ANNA, "at-old", "rt-old", NOW.plusSeconds(60));
    Connection winner =
        seen.withTokens(
            cipher.encrypt(Secret.of("at-winner"), ANNA, Provider.STRAVA),
            cipher.encrypt(Secret.of("rt-winner"), ANNA, Provider.STRAVA),
            NOW.plusSeconds(21600),
            NOW);
    store.updateTokens(winner, EU);
    server.stubFor(
        post("/STRAVA/token")
            .willReturn(okJson("{\"access_token\":\"at-loser\",\"expires_in\":21600}")));

    assertThat(service.accessToken(seen, EU, false).reveal()).isEqualTo("at-winner");
    assertThat(store.find(ANNA, Provider.STRAVA, EU).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void accessToken_whenTheProviderRefusesTheRefresh_saysTheUserMustConnectAgain() {
    Connection connection = connect(ANNA, "at-old", "rt-revoked", NOW.minusSeconds(1));
    server.stubFor(
        post("/STRAVA/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\"}")));

    assertThatThrownBy(() -> service.accessToken(connection, EU, false))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.REJECTED));
  }

  @Test
  void disconnect_forgetsTheTokens_andASecondDisconnectIsNotFound() {
    connect(ANNA, "at", "rt", NOW.plusSeconds(3600));

    service.disconnect(ANNA, EU, Provider.STRAVA);

    assertThat(store.list(ANNA, EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "987654", EU)).isEmpty();
    assertProblem(() -> service.disconnect(ANNA, EU, Provider.STRAVA), ProblemType.NOT_FOUND);
  }

  @Test
  void disconnect_queuesTheRevocation_withTheTokensStillSealed() {
    Connection connection = connect(ANNA, "at-anna", "rt-anna", NOW.plusSeconds(3600));

    service.disconnect(ANNA, EU, Provider.STRAVA);

    assertThat(queued)
        .containsExactly(
            "connection.revoke revoke:usr_anna:strava:" + connection.connectedAt().toEpochMilli());
    String body = new String(queuedBodies.get(0), StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("at-anna").doesNotContain("rt-anna");
    QueuedRevocation message = QueuedRevocation.read(queuedBodies.get(0)).orElseThrow();
    assertThat(message).isEqualTo(QueuedRevocation.of(connection));
    assertThat(cipher.decrypt(message.accessToken(), ANNA, Provider.STRAVA).reveal())
        .isEqualTo("at-anna");
  }

  @Test
  void disconnect_whenTheRevocationCannotBeQueued_deletesNothing() {
    connect(ANNA, "at", "rt", NOW.plusSeconds(3600));
    queueDown = true;

    assertThatThrownBy(() -> service.disconnect(ANNA, EU, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);

    assertThat(store.list(ANNA, EU)).hasSize(1);
  }

  @Test
  void deauthorizedAtTheProvider_queuesNoRevocation() {
    connect(ANNA, "at", "rt", NOW.plusSeconds(3600));

    assertThat(service.deauthorized(Provider.STRAVA, "987654", EU)).isTrue();

    assertThat(queued).isEmpty();
  }

  @Test
  void deauthorizedAtTheProvider_removesTheConnectionOfThatAccountOnly() {
    connect(ANNA, "at", "rt", NOW.plusSeconds(3600));

    assertThat(service.deauthorized(Provider.STRAVA, "other-athlete", EU)).isFalse();
    assertThat(store.list(ANNA, EU)).hasSize(1);
    assertThat(service.deauthorized(Provider.STRAVA, "987654", EU)).isTrue();
    assertThat(store.list(ANNA, EU)).isEmpty();
  }

  @Test
  void holdsToken_comparesWithTheStoredToken_ofThatAccount() {
    connect(ANNA, "at-anna", "rt", NOW.plusSeconds(3600));

    assertThat(service.holdsToken(Provider.STRAVA, "987654", "at-anna", EU)).isTrue();
    assertThat(service.holdsToken(Provider.STRAVA, "987654", "at-guess", EU)).isFalse();
    assertThat(service.holdsToken(Provider.STRAVA, "123", "at-anna", EU)).isFalse();
    assertThat(service.holdsToken(Provider.STRAVA, "987654", "", EU)).isFalse();
  }

  private Connection connect(UserId user, String access, String refresh, Instant expiresAt) {
    Connection connection =
        new Connection(
            user,
            Provider.STRAVA,
            "987654",
            cipher.encrypt(Secret.of(access), user, Provider.STRAVA),
            cipher.encrypt(Secret.of(refresh), user, Provider.STRAVA),
            expiresAt,
            "read,activity:read_all",
            NOW.minusSeconds(86400),
            NOW.minusSeconds(86400),
            1);
    store.save(connection, EU);
    return connection;
  }

  private static void stravaTokens(String access, String refresh, long athlete) {
    server.stubFor(
        post("/STRAVA/token")
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"access_token\":\""
                        + access
                        + "\",\"refresh_token\":\""
                        + refresh
                        + "\",\"expires_in\":21600,\"athlete\":{\"id\":"
                        + athlete
                        + "}}")));
  }

  private static void assertProblem(Runnable call, ProblemType type) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().type()).isEqualTo(type.uri()));
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> out = new HashMap<>();
    Arrays.stream(url.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .forEach(
            kv ->
                out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    return out;
  }
}
