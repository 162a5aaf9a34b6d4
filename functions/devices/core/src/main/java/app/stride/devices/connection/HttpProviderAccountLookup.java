package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.devices.pull.ProviderApis;
import app.stride.devices.webhook.WebhookJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Asks a provider who the token's user is, for providers whose token answer does not say: Garmin
 * ({@code GET /wellness-api/rest/user/id} → {@code {"userId": ...}}), Wahoo ({@code GET /v1/user} →
 * {@code {"id": ...}}) and Fitbit through the Google Health API ({@code GET /v4/users/me/identity}
 * → {@code {"healthUserId": ...}}, the id its notifications name). One bounded GET with the bearer
 * token; no redirects.
 */
public final class HttpProviderAccountLookup implements ProviderAccountLookup {
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** The Google Health API's identity path, on its API base. */
  public static final String GOOGLE_HEALTH_IDENTITY = "/v4/users/me/identity";

  /** The production "who am I" endpoints. */
  public static final Map<Provider, URI> DEFAULT_ENDPOINTS =
      Map.of(
          Provider.GARMIN, URI.create("https://apis.garmin.com/wellness-api/rest/user/id"),
          Provider.WAHOO, URI.create("https://api.wahooligan.com/v1/user"),
          Provider.FITBIT, URI.create("https://health.googleapis.com" + GOOGLE_HEALTH_IDENTITY));

  private static final Map<Provider, String> ID_FIELD =
      Map.of(Provider.GARMIN, "userId", Provider.WAHOO, "id", Provider.FITBIT, "healthUserId");

  private final HttpClient http;
  private final Map<Provider, URI> endpoints;
  private final Duration timeout;

  public HttpProviderAccountLookup(
      HttpClient http, Map<Provider, URI> endpoints, Duration timeout) {
    this.http = http;
    this.endpoints = new EnumMap<>(endpoints);
    this.timeout = timeout;
  }

  /**
   * The production endpoints with a 10-second limit; Fitbit's identity on the Google Health API
   * base of {@code apis} (so an override such as {@code STRIDE_PROVIDER_API_FITBIT} reaches a local
   * stand-in too).
   */
  public static HttpProviderAccountLookup withDefaults(ProviderApis apis) {
    Map<Provider, URI> endpoints = new EnumMap<>(DEFAULT_ENDPOINTS);
    endpoints.put(Provider.FITBIT, URI.create(apis.base(Provider.FITBIT) + GOOGLE_HEALTH_IDENTITY));
    return new HttpProviderAccountLookup(
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        endpoints,
        Duration.ofSeconds(10));
  }

  @Override
  public Optional<String> providerUserId(Provider provider, Secret accessToken) {
    URI endpoint = endpoints.get(provider);
    if (endpoint == null) {
      return Optional.empty();
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", "Bearer " + accessToken.reveal())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    byte[] answer;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
    } catch (IOException e) {
      throw new OAuthException(provider, OAuthException.Reason.UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException(provider, OAuthException.Reason.UNAVAILABLE, e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw new OAuthException(provider, OAuthException.Reason.UNAVAILABLE, status, null);
    }
    if (status != 200) {
      throw new OAuthException(provider, OAuthException.Reason.REJECTED, status, null);
    }
    if (answer.length > MAX_ANSWER_BYTES) {
      return Optional.empty();
    }
    Optional<JsonNode> json = WebhookJson.parse(answer);
    return json.flatMap(node -> WebhookJson.id(node, ID_FIELD.get(provider)));
  }
}
