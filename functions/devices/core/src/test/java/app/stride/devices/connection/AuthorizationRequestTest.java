package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final UserId ALICE = new UserId("u_alice");

  private final OAuthStates states =
      OAuthStates.withDefaults(Secret.of("0123456789abcdef0123456789abcdef"));
  private final ClientCredentials client =
      new ClientCredentials(
          "client-1", Secret.of("secret"), URI.create("https://stride.app/connect/callback"));

  private static Map<String, String> query(URI url) {
    return Arrays.stream(url.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }

  private AuthorizationRequest build(Provider provider) {
    return AuthorizationRequest.build(
        ProviderCatalog.endpoints(provider).orElseThrow(), client, states, ALICE, NOW);
  }

  @Test
  void fitbit_isGoogleOAuth_withStateS256ChallengeOfflineAccessAndConsent() {
    AuthorizationRequest request = build(Provider.FITBIT);
    Map<String, String> query = query(request.url());

    assertThat(request.url().getHost()).isEqualTo("accounts.google.com");
    assertThat(request.url().getPath()).isEqualTo("/o/oauth2/v2/auth");
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "client-1")
        .containsEntry("redirect_uri", "https://stride.app/connect/callback")
        .containsEntry(
            "scope",
            "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly"
                + " https://www.googleapis.com/auth/googlehealth.location.readonly")
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsEntry("state", request.state())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("code_challenge", Pkce.challengeS256(request.codeVerifier().orElseThrow()));
    assertThat(request.codeVerifier()).contains(states.codeVerifier(request.state()));
    states.verify(request.state(), ALICE, Provider.FITBIT, NOW);
  }

  @Test
  void strava_hasNoPkce_andCommaSeparatedScopes() {
    AuthorizationRequest request = build(Provider.STRAVA);
    Map<String, String> query = query(request.url());

    assertThat(request.codeVerifier()).isEmpty();
    assertThat(query)
        .containsEntry("scope", "read,activity:read_all")
        .containsEntry("approval_prompt", "auto")
        .doesNotContainKey("code_challenge");
  }

  @Test
  void garmin_usesPkce_withoutScopes() {
    AuthorizationRequest request = build(Provider.GARMIN);

    assertThat(query(request.url())).containsKey("code_challenge").doesNotContainKey("scope");
  }

  @Test
  void toString_showsNoState() {
    AuthorizationRequest request = build(Provider.WAHOO);

    assertThat(request.toString()).doesNotContain(request.state());
  }
}
