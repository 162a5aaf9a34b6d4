package app.stride.devices.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token exchange and refresh against a local stand-in for the providers' token endpoints. */
class OAuthClientTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CLIENT_SECRET = "client-secret-never-logged";
  private static final String CODE = "auth-code-1234";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static WireMockServer server;

  private final OAuthClient client =
      new OAuthClient(
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
          Duration.ofSeconds(10));
  private final OAuthClient impatient =
      new OAuthClient(
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
          Duration.ofMillis(500));
  private final ClientCredentials credentials =
      new ClientCredentials(
          "client-1", Secret.of(CLIENT_SECRET), URI.create("https://stride.app/connect/callback"));

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
  void reset() {
    server.resetAll();
  }

  private static ProviderEndpoints local(Provider provider) {
    return ProviderCatalog.endpoints(provider)
        .orElseThrow()
        .withTokenUrl(URI.create(server.baseUrl() + "/oauth/token"));
  }

  @Test
  void stravaCodeExchange_postsTheFormWithClientSecret_andReadsExpiryAndAthlete() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"expires_at\":1772380800,\"expires_in\":21600,"
                        + "\"refresh_token\":\"r-1\",\"access_token\":\"a-1\","
                        + "\"athlete\":{\"id\":134815,\"username\":\"marianne\"}}")));

    ProviderTokens tokens =
        client.exchange(local(Provider.STRAVA), credentials, CODE, Optional.empty(), NOW);

    assertThat(tokens.accessToken().reveal()).isEqualTo("a-1");
    assertThat(tokens.refreshToken().reveal()).isEqualTo("r-1");
    assertThat(tokens.expiresAt()).isEqualTo(Instant.ofEpochSecond(1772380800));
    assertThat(tokens.providerUserId()).isEqualTo("134815");
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withHeader("Authorization", absent())
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=" + CODE))
            .withRequestBody(
                containing("redirect_uri=https%3A%2F%2Fstride.app%2Fconnect%2Fcallback"))
            .withRequestBody(containing("client_id=client-1"))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET)));
  }

  @Test
  void fitbitCodeExchange_isGooglesTokenEndpoint_formCredentialsAndVerifier_noUserInTheAnswer() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"ya29.a0-2\",\"expires_in\":3599,"
                        + "\"refresh_token\":\"1//0g-r-2\",\"scope\":\"https://www.googleapis.com/"
                        + "auth/googlehealth.activity_and_fitness.readonly\","
                        + "\"token_type\":\"Bearer\",\"refresh_token_expires_in\":604799}")));

    ProviderTokens tokens =
        client.exchange(local(Provider.FITBIT), credentials, CODE, Optional.of(VERIFIER), NOW);

    assertThat(tokens.accessToken().reveal()).isEqualTo("ya29.a0-2");
    assertThat(tokens.refreshToken().reveal()).isEqualTo("1//0g-r-2");
    assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
    assertThat(tokens.providerUserId()).as("the identity call gives it").isNull();
    assertThat(ProviderCatalog.endpoints(Provider.FITBIT).orElseThrow().tokenUrl())
        .hasToString("https://oauth2.googleapis.com/token");
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Authorization", absent())
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code_verifier=" + VERIFIER))
            .withRequestBody(containing("client_id=client-1"))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET)));
  }

  @Test
  void polarCodeExchange_usesBasicAuth_andReadsTheUserId() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-3\",\"token_type\":\"bearer\","
                        + "\"expires_in\":31535999,\"x_user_id\":475}")));

    ProviderTokens tokens =
        client.exchange(local(Provider.POLAR), credentials, CODE, Optional.empty(), NOW);

    assertThat(tokens.providerUserId()).isEqualTo("475");
    String basic =
        Base64.getEncoder()
            .encodeToString(("client-1:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withRequestBody(notContaining("client_secret")));
  }

  @Test
  void fitbitRefresh_keepsTheRefreshToken_whenGoogleSendsNoNewOne() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(okJson("{\"access_token\":\"ya29.new\",\"expires_in\":3599}")));
    ProviderTokens current =
        new ProviderTokens(Secret.of("ya29.old"), Secret.of("1//0g-r"), NOW, null, "3Mg7QzU2kPq");

    ProviderTokens refreshed = client.refresh(local(Provider.FITBIT), credentials, current, NOW);

    assertThat(refreshed.accessToken().reveal()).isEqualTo("ya29.new");
    assertThat(refreshed.refreshToken().reveal()).isEqualTo("1//0g-r");
    assertThat(refreshed.providerUserId()).isEqualTo("3Mg7QzU2kPq");
  }

  @Test
  void refresh_sendsTheRefreshToken_andTakesTheRotatedOne() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=r-old"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-new\",\"refresh_token\":\"r-new\",\"expires_in\":3600}")));
    ProviderTokens current =
        new ProviderTokens(Secret.of("a-old"), Secret.of("r-old"), NOW, null, "134815");

    ProviderTokens refreshed = client.refresh(local(Provider.WAHOO), credentials, current, NOW);

    assertThat(refreshed.accessToken().reveal()).isEqualTo("a-new");
    assertThat(refreshed.refreshToken().reveal()).isEqualTo("r-new");
    assertThat(refreshed.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(refreshed.providerUserId()).isEqualTo("134815");
  }

  @Test
  void refresh_keepsTheRefreshToken_whenTheAnswerHasNone() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(okJson("{\"access_token\":\"a-new\",\"expires_in\":3600}")));
    ProviderTokens current =
        new ProviderTokens(Secret.of("a-old"), Secret.of("r-keep"), NOW, null, null);

    ProviderTokens refreshed = client.refresh(local(Provider.SUUNTO), credentials, current, NOW);

    assertThat(refreshed.refreshToken().reveal()).isEqualTo("r-keep");
  }

  @Test
  void refresh_withoutRefreshToken_isRejected_withoutCallingTheProvider() {
    ProviderTokens polar = new ProviderTokens(Secret.of("a"), null, null, null, "475");

    assertThatThrownBy(() -> client.refresh(local(Provider.POLAR), credentials, polar, NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.REJECTED));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void invalidGrant_isRejected_withTheErrorCode_butNoSecrets() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"code "
                            + CODE
                            + " used\"}")));

    assertThatThrownBy(
            () -> client.exchange(local(Provider.STRAVA), credentials, CODE, Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(OAuthException.Reason.REJECTED);
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .contains("invalid_grant")
                  .doesNotContain(CODE)
                  .doesNotContain(CLIENT_SECRET);
            });
  }

  @Test
  void serverError_isUnavailable_soTheCallerRetriesLater() {
    server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () -> client.exchange(local(Provider.POLAR), credentials, CODE, Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE);
              assertThat(e.status()).isEqualTo(503);
            });
  }

  @Test
  void slowProvider_timesOut_asUnavailable() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(okJson("{\"access_token\":\"late\"}").withFixedDelay(4000)));

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                impatient.exchange(
                    local(Provider.STRAVA), credentials, CODE, Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
  }

  @Test
  void droppedConnection_isUnavailable() {
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () -> client.exchange(local(Provider.STRAVA), credentials, CODE, Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
  }

  @Test
  void successWithoutAccessToken_isMalformed() {
    server.stubFor(
        post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"token_type\":\"Bearer\"}")));

    assertThatThrownBy(
            () -> client.exchange(local(Provider.STRAVA), credentials, CODE, Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.MALFORMED_RESPONSE));
  }

  @Test
  void tokens_neverShowInToString() {
    ProviderTokens tokens =
        new ProviderTokens(Secret.of("access-xyz"), Secret.of("refresh-xyz"), NOW, "read", "1");

    assertThat(tokens.toString()).doesNotContain("access-xyz").doesNotContain("refresh-xyz");
  }
}
