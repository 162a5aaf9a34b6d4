package app.stride.devices.application.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.devices.application.service.ConnectionRevoker.Outcome;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.OAuthException;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.RevocationClient;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Taking a disconnected user's grant back at the provider, against local stand-ins of the
 * providers' revocation and token endpoints.
 */
class ConnectionRevokerTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_anna");
  private static final UserId BEN = new UserId("usr_ben");
  private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
  private static final Instant CONNECTED = Instant.parse("2026-10-01T08:00:00Z");

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(options().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final MemoryConnections store = new MemoryConnections();
  private final TokenCipher cipher = LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32]));
  private ConnectionRevoker revoker;

  @BeforeEach
  void setUp() {
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_OAUTH_STATE_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STRIDE_OAUTH_REDIRECT_URI", "https://stride.app/connect");
    env.put("STRIDE_OAUTH_STRAVA_CLIENT_ID", "strava-client");
    env.put("STRIDE_OAUTH_STRAVA_CLIENT_SECRET", "strava-secret");
    env.put("STRIDE_OAUTH_STRAVA_TOKEN_URL", server.baseUrl() + "/oauth/token");
    env.put("STRIDE_OAUTH_STRAVA_REVOKE_URL", server.baseUrl() + "/oauth/deauthorize");
    env.put("STRIDE_OAUTH_POLAR_REVOKE_URL", server.baseUrl() + "/v3/users/{user}");
    env.put("STRIDE_OAUTH_FITBIT_REVOKE_URL", server.baseUrl() + "/revoke");
    HttpClient http = HttpClient.newHttpClient();
    revoker =
        new ConnectionRevoker(
            store,
            cipher,
            ConnectionSettings.fromEnv(env),
            new OAuthClient(http, Duration.ofSeconds(2)),
            ProviderRevocations.fromEnv(env),
            new RevocationClient(http, Duration.ofSeconds(2)),
            RefreshPolicy.defaults(),
            EU,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aRemovedConnection_isRevokedWithItsAccessToken() {
    server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(200)));

    Outcome outcome =
        revoker.revoke(removed(ANNA, Provider.STRAVA, "987654", "at", "rt", NOW.plusSeconds(3600)));

    assertThat(outcome).isEqualTo(Outcome.REVOKED);
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/deauthorize"))
            .withRequestBody(equalTo("access_token=at")));
  }

  @Test
  void anExpiredAccessToken_isRefreshedFirst_andTheFreshOneRevoked() {
    server.stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-fresh\",\"refresh_token\":\"rt-2\",\"expires_in\":21600}")));
    server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(200)));

    Outcome outcome =
        revoker.revoke(
            removed(ANNA, Provider.STRAVA, "987654", "at-old", "rt", NOW.minusSeconds(60)));

    assertThat(outcome).isEqualTo(Outcome.REVOKED);
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withRequestBody(
                equalTo(
                    "grant_type=refresh_token&refresh_token=rt&client_id=strava-client&client_secret=strava-secret")));
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/deauthorize"))
            .withRequestBody(equalTo("access_token=at-fresh")));
  }

  @Test
  void aRefreshTheProviderRefuses_meansTheGrantIsGoneAlready_andNothingIsSent() {
    server.stubFor(
        post("/oauth/token")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

    Outcome outcome =
        revoker.revoke(
            removed(ANNA, Provider.STRAVA, "987654", "at-old", "rt", NOW.minusSeconds(60)));

    assertThat(outcome).isEqualTo(Outcome.ALREADY_GONE);
    server.verify(0, postRequestedFor(urlEqualTo("/oauth/deauthorize")));
  }

  @Test
  void rfc7009Providers_getTheRefreshToken_whichOutlivesTheAccessToken() {
    server.stubFor(post("/revoke").willReturn(aResponse().withStatus(200)));

    Outcome outcome =
        revoker.revoke(
            removed(ANNA, Provider.FITBIT, "hu-1", "at", "rt-google", NOW.minusSeconds(60)));

    assertThat(outcome).isEqualTo(Outcome.REVOKED);
    server.verify(
        postRequestedFor(urlEqualTo("/revoke")).withRequestBody(equalTo("token=rt-google")));
  }

  @Test
  void polar_deregistersTheUserNamedInThePath() {
    server.stubFor(delete("/v3/users/42").willReturn(aResponse().withStatus(204)));

    Outcome outcome = revoker.revoke(removed(ANNA, Provider.POLAR, "42", "polar-at", null, null));

    assertThat(outcome).isEqualTo(Outcome.REVOKED);
    server.verify(
        deleteRequestedFor(urlEqualTo("/v3/users/42"))
            .withHeader("Authorization", equalTo("Bearer polar-at")));
  }

  @Test
  void theSameAccountConnectedAgain_isNotRevoked_soTheNewConnectionKeepsWorking() {
    QueuedRevocation old =
        removed(ANNA, Provider.STRAVA, "987654", "at", "rt", NOW.plusSeconds(3600));
    store.save(
        connection(ANNA, Provider.STRAVA, "987654", "at-new", CONNECTED.plusSeconds(86400)), EU);

    assertThat(revoker.revoke(old)).isEqualTo(Outcome.SKIPPED);
    store.delete(ANNA, Provider.STRAVA, EU);
    store.save(connection(BEN, Provider.STRAVA, "987654", "at-ben", NOW), EU);
    assertThat(revoker.revoke(old))
        .as("another user holds the account now")
        .isEqualTo(Outcome.SKIPPED);

    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aDifferentAccountConnectedSince_doesNotSaveTheOldGrant() {
    server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(200)));
    QueuedRevocation old =
        removed(ANNA, Provider.STRAVA, "987654", "at", "rt", NOW.plusSeconds(3600));
    store.save(connection(ANNA, Provider.STRAVA, "111", "at-other", NOW), EU);

    assertThat(revoker.revoke(old)).isEqualTo(Outcome.REVOKED);
  }

  @Test
  void whileTheRemovedConnectionIsStillStored_theMessageIsRetried() {
    Connection stored = connection(ANNA, Provider.STRAVA, "987654", "at", CONNECTED);
    store.save(stored, EU);

    assertThatThrownBy(() -> revoker.revoke(QueuedRevocation.of(stored)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aProviderOutage_isRetried_andAProviderWithoutAWay_isSkipped() {
    server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () ->
                revoker.revoke(
                    removed(ANNA, Provider.STRAVA, "987654", "at", "rt", NOW.plusSeconds(3600))))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
    assertThat(revoker.revoke(removed(ANNA, Provider.SUUNTO, "s-1", "at", null, null)))
        .isEqualTo(Outcome.SKIPPED);
  }

  /** The message a disconnect queues: the connection is gone from the store already. */
  private QueuedRevocation removed(
      UserId user,
      Provider provider,
      String account,
      String access,
      String refresh,
      Instant expiresAt) {
    return new QueuedRevocation(
        user,
        provider,
        account,
        CONNECTED,
        cipher.encrypt(Secret.of(access), user, provider),
        refresh == null ? null : cipher.encrypt(Secret.of(refresh), user, provider),
        expiresAt);
  }

  private Connection connection(
      UserId user, Provider provider, String account, String access, Instant connectedAt) {
    return new Connection(
        user,
        provider,
        account,
        cipher.encrypt(Secret.of(access), user, provider),
        null,
        null,
        null,
        connectedAt,
        connectedAt,
        1);
  }
}
