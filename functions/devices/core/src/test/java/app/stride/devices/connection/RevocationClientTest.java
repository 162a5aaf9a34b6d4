package app.stride.devices.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.connection.ProviderRevocation.TokenPlacement;
import app.stride.devices.connection.RevocationClient.Result;
import app.stride.devices.domain.Provider;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Revocations as each provider documents them, against a local stand-in of their endpoints. */
class RevocationClientTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(options().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final RevocationClient client =
      new RevocationClient(HttpClient.newHttpClient(), Duration.ofMillis(800));

  @Test
  void strava_postsTheAccessTokenAsAForm() {
    server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(200)));

    Result result =
        client.revoke(
            revocation(
                Provider.STRAVA, "POST", "/oauth/deauthorize", TokenPlacement.FORM_ACCESS_TOKEN),
            Secret.of("at+1/="),
            "987654");

    assertThat(result).isEqualTo(Result.REVOKED);
    server.verify(
        postRequestedFor(urlEqualTo("/oauth/deauthorize"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withHeader("Authorization", absent())
            .withRequestBody(equalTo("access_token=at%2B1%2F%3D")));
  }

  @Test
  void polar_deletesTheUser_withTheBearerToken() {
    server.stubFor(delete("/v3/users/42").willReturn(aResponse().withStatus(204)));

    Result result =
        client.revoke(
            revocation(Provider.POLAR, "DELETE", "/v3/users/{user}", TokenPlacement.BEARER),
            Secret.of("polar-token"),
            "42");

    assertThat(result).isEqualTo(Result.REVOKED);
    server.verify(
        deleteRequestedFor(urlEqualTo("/v3/users/42"))
            .withHeader("Authorization", equalTo("Bearer polar-token")));
  }

  @Test
  void google_postsTheTokenAsRfc7009Says_andAnInvalidTokenIsAlreadyGone() {
    server.stubFor(
        post("/revoke")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_token\",\"error_description\":\"Token expired\"}")));

    Result result =
        client.revoke(
            revocation(Provider.FITBIT, "POST", "/revoke", TokenPlacement.FORM_TOKEN),
            Secret.of("rt-google"),
            "health-user");

    assertThat(result).isEqualTo(Result.ALREADY_GONE);
    server.verify(
        postRequestedFor(urlEqualTo("/revoke")).withRequestBody(equalTo("token=rt-google")));
  }

  @Test
  void unknownTokensOrUsers_areAlreadyGone_otherRefusalsAreRefused() {
    ProviderRevocation wahoo =
        revocation(Provider.WAHOO, "DELETE", "/v1/permissions", TokenPlacement.BEARER);
    server.stubFor(delete("/v1/permissions").willReturn(aResponse().withStatus(401)));
    assertThat(client.revoke(wahoo, Secret.of("t"), "1")).isEqualTo(Result.ALREADY_GONE);

    server.stubFor(delete("/v1/permissions").willReturn(aResponse().withStatus(404)));
    assertThat(client.revoke(wahoo, Secret.of("t"), "1")).isEqualTo(Result.ALREADY_GONE);

    server.stubFor(
        delete("/v1/permissions")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"x\"}")));
    assertThat(client.revoke(wahoo, Secret.of("t"), "1")).isEqualTo(Result.REFUSED);

    server.stubFor(delete("/v1/permissions").willReturn(aResponse().withStatus(403)));
    assertThat(client.revoke(wahoo, Secret.of("t"), "1")).isEqualTo(Result.REFUSED);
  }

  @Test
  void outagesThrottlingAndTimeouts_areRetriedLater() {
    ProviderRevocation wahoo =
        revocation(Provider.WAHOO, "DELETE", "/v1/permissions", TokenPlacement.BEARER);
    for (int status : new int[] {500, 503, 429, 408}) {
      server.stubFor(delete("/v1/permissions").willReturn(aResponse().withStatus(status)));
      assertThatThrownBy(() -> client.revoke(wahoo, Secret.of("t"), "1"))
          .as("status %d", status)
          .isInstanceOfSatisfying(
              OAuthException.class,
              e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
    }
    server.stubFor(
        delete("/v1/permissions").willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
    assertThatThrownBy(() -> client.revoke(wahoo, Secret.of("t"), "1"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.UNAVAILABLE));
  }

  @Test
  void aProviderUserIdThatIsNotPlain_neverReachesThePath() {
    ProviderRevocation polar =
        revocation(Provider.POLAR, "DELETE", "/v3/users/{user}", TokenPlacement.BEARER);

    for (String id : new String[] {"../../admin", "42/..", "42?x=1", "", "..", "4 2", "42%2F"}) {
      assertThatThrownBy(() -> client.revoke(polar, Secret.of("t"), id))
          .as(id)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theCatalog_coversTheProvidersThatDocumentAWay_andAnOverrideKeepsTheRest() {
    assertThat(ProviderRevocations.catalog())
        .containsOnlyKeys(
            Provider.STRAVA, Provider.POLAR, Provider.WAHOO, Provider.FITBIT, Provider.GARMIN);
    assertThat(ProviderRevocations.catalog().get(Provider.GARMIN).verified()).isFalse();

    ProviderRevocations local =
        ProviderRevocations.fromEnv(
            Map.of("STRIDE_OAUTH_POLAR_REVOKE_URL", "http://127.0.0.1:9/v3/users/{user}"));

    ProviderRevocation polar = local.lookup(Provider.POLAR).orElseThrow();
    assertThat(polar.urlFor("42")).isEqualTo(URI.create("http://127.0.0.1:9/v3/users/42"));
    assertThat(polar.method()).isEqualTo("DELETE");
    assertThat(local.lookup(Provider.STRAVA))
        .contains(ProviderRevocations.catalog().get(Provider.STRAVA));
    assertThat(local.lookup(Provider.SUUNTO)).isEmpty();
    assertThat(local.lookup(Provider.COROS)).isEmpty();
  }

  private static ProviderRevocation revocation(
      Provider provider, String method, String path, TokenPlacement placement) {
    return new ProviderRevocation(provider, method, server.baseUrl() + path, placement, true);
  }
}
