package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where to send a user to connect a provider: the provider's authorize URL with {@code
 * response_type=code}, our client id, redirect URI, scopes, a {@code state} bound to the user and,
 * where the provider supports it, a PKCE S256 challenge.
 *
 * @param url the full authorize URL
 * @param state the state in it (verify it on the callback with {@link OAuthStates#verify})
 * @param codeVerifier the PKCE verifier to send with the code exchange, when PKCE is used
 */
public record AuthorizationRequest(URI url, String state, Optional<String> codeVerifier) {

  /** Builds the request for a user and a provider. */
  public static AuthorizationRequest build(
      ProviderEndpoints endpoints,
      ClientCredentials client,
      OAuthStates states,
      UserId user,
      Instant now) {
    Provider provider = endpoints.provider();
    String state = states.issue(user, provider, now);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", client.clientId());
    parameters.put("redirect_uri", client.redirectUri().toString());
    if (!endpoints.scopes().isEmpty()) {
      parameters.put("scope", endpoints.scopeParameter());
    }
    parameters.put("state", state);
    Optional<String> verifier = Optional.empty();
    if (endpoints.pkce()) {
      verifier = Optional.of(states.codeVerifier(state));
      parameters.put("code_challenge", Pkce.challengeS256(verifier.get()));
      parameters.put("code_challenge_method", Pkce.METHOD);
    }
    endpoints.extraAuthorizeParameters().forEach(parameters::putIfAbsent);
    String query =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = endpoints.authorizeUrl().toString();
    String separator = base.contains("?") ? "&" : "?";
    return new AuthorizationRequest(URI.create(base + separator + query), state, verifier);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[" + url.getHost() + "]";
  }
}
