package app.stride.devices.connection;

import app.stride.core.json.Json;
import app.stride.devices.connection.OAuthException.Reason;
import app.stride.devices.domain.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Exchanges authorization codes and refresh tokens at a provider's token endpoint: a form-encoded
 * POST, a JSON answer read into {@link ProviderTokens}. Bounded in time (connect and request
 * timeouts) and in size (64 KiB answers); redirects are not followed. Failures become {@link
 * OAuthException}s that say whether to retry ({@code UNAVAILABLE}) or to ask the user to connect
 * again ({@code REJECTED}).
 */
public final class OAuthClient implements TokenEndpoint {
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HttpClient http;
  private final Duration requestTimeout;

  /**
   * @param http the client (its connect timeout applies)
   * @param requestTimeout the longest a token request may take, answer included
   */
  public OAuthClient(HttpClient http, Duration requestTimeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** A client with a 3-second connect and a 10-second request timeout. */
  public static OAuthClient withDefaults() {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new OAuthClient(http, Duration.ofSeconds(10));
  }

  /**
   * Exchanges an authorization code (after the callback's state was verified).
   *
   * @param codeVerifier the PKCE verifier, when the authorize request carried a challenge
   */
  @Override
  public ProviderTokens exchange(
      ProviderEndpoints endpoints,
      ClientCredentials client,
      String code,
      Optional<String> codeVerifier,
      Instant now) {
    if (code == null || code.isBlank() || code.length() > 2048) {
      throw new IllegalArgumentException("authorization code missing or too long");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.redirectUri().toString());
    codeVerifier.ifPresent(verifier -> form.put("code_verifier", verifier));
    return post(endpoints, client, form, null, now);
  }

  /**
   * Refreshes tokens. Providers that rotate refresh tokens (Strava, Wahoo) send a new one; when the
   * answer has none, the current one is kept.
   *
   * @throws OAuthException {@code REJECTED} when the tokens have no refresh token
   */
  @Override
  public ProviderTokens refresh(
      ProviderEndpoints endpoints, ClientCredentials client, ProviderTokens current, Instant now) {
    if (current.refreshToken() == null) {
      throw new OAuthException(endpoints.provider(), Reason.REJECTED, 0, "no_refresh_token");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", current.refreshToken().reveal());
    return post(endpoints, client, form, current, now);
  }

  private ProviderTokens post(
      ProviderEndpoints endpoints,
      ClientCredentials client,
      Map<String, String> form,
      ProviderTokens current,
      Instant now) {
    Provider provider = endpoints.provider();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoints.tokenUrl())
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    Map<String, String> body = new LinkedHashMap<>(form);
    body.put("client_id", client.clientId());
    if (endpoints.clientAuthentication() == ClientAuthentication.BASIC) {
      String pair = client.clientId() + ":" + client.clientSecret().reveal();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      body.put("client_secret", client.clientSecret().reveal());
    }
    request.POST(HttpRequest.BodyPublishers.ofString(formEncode(body)));

    HttpResponse<InputStream> response;
    byte[] answer;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
    } catch (IOException e) {
      throw new OAuthException(provider, Reason.UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException(provider, Reason.UNAVAILABLE, e);
    }
    int status = response.statusCode();
    Optional<JsonNode> json = answer.length > MAX_ANSWER_BYTES ? Optional.empty() : parse(answer);
    if (status >= 500 || status == 429 || status == 408) {
      throw new OAuthException(provider, Reason.UNAVAILABLE, status, null);
    }
    if (status < 200 || status >= 300) {
      throw new OAuthException(provider, Reason.REJECTED, status, errorCode(json));
    }
    return tokens(endpoints, json.orElse(null), current, status, now);
  }

  private static ProviderTokens tokens(
      ProviderEndpoints endpoints, JsonNode json, ProviderTokens current, int status, Instant now) {
    Provider provider = endpoints.provider();
    String access = json == null ? null : string(json.get("access_token"));
    if (access == null || access.isEmpty()) {
      throw new OAuthException(provider, Reason.MALFORMED_RESPONSE, status, null);
    }
    String refresh = string(json.get("refresh_token"));
    Secret refreshToken =
        refresh != null && !refresh.isEmpty()
            ? Secret.of(refresh)
            : current == null ? null : current.refreshToken();
    String userId = userId(json, endpoints.userIdField());
    if (userId == null && current != null) {
      userId = current.providerUserId();
    }
    return new ProviderTokens(
        Secret.of(access), refreshToken, expiry(json, now), string(json.get("scope")), userId);
  }

  private static Instant expiry(JsonNode json, Instant now) {
    JsonNode expiresAt = json.get("expires_at");
    if (expiresAt != null && expiresAt.canConvertToLong() && expiresAt.longValue() > 0) {
      return Instant.ofEpochSecond(expiresAt.longValue());
    }
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn != null && expiresIn.canConvertToLong() && expiresIn.longValue() > 0) {
      return now.plusSeconds(expiresIn.longValue());
    }
    return null;
  }

  private static String userId(JsonNode json, String path) {
    if (path == null) {
      return null;
    }
    JsonNode node = json;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return string(node);
  }

  private static String string(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    return node.isNumber() ? node.asString() : null;
  }

  private static String errorCode(Optional<JsonNode> json) {
    return json.map(j -> string(j.get("error")))
        .filter(code -> code.matches("[a-z_]{1,64}"))
        .orElse(null);
  }

  private static Optional<JsonNode> parse(byte[] answer) {
    try {
      return Optional.ofNullable(Json.mapper().readTree(answer)).filter(JsonNode::isObject);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                AuthorizationRequest.encode(e.getKey())
                    + "="
                    + AuthorizationRequest.encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }
}
