package app.stride.core.directory.http;

import app.stride.core.config.Env;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link DirectoryPort} over the global directory's HTTP API ({@link DirectoryApi}): what every
 * region's functions use, on either cloud, so none of them carries the directory store's SDK.
 *
 * <p>Each request is signed ({@link DirectoryRequestSigner}) and bounded by a {@value
 * #REQUEST_TIMEOUT_MILLIS} ms request timeout; {@link #defaultClient()} connects within {@value
 * #CONNECT_TIMEOUT_MILLIS} ms. Answers map to the port's contract: {@code 409} is {@link
 * VersionConflictException}; a {@code 5xx}, {@code 429}, I/O failure or timeout is {@link
 * StoreUnavailableException} (callers answer 503 with {@code Retry-After}); {@code 401} is an
 * {@link IllegalStateException}, since it means the two sides hold different secrets or clocks
 * apart by more than a minute, a deployment mistake that retrying cannot fix. The base URL must be
 * {@code https}, except on a loopback host (local platform, tests).
 */
public final class HttpDirectory implements DirectoryPort {
  /** Environment variable holding the directory's base URL. */
  public static final String URL_ENV = "STRIDE_DIRECTORY_URL";

  /** Environment variable holding the shared request-signing secret, base64 of >= 32 bytes. */
  public static final String SECRET_ENV = "STRIDE_DIRECTORY_API_SECRET";

  /** Connect timeout of {@link #defaultClient()}. */
  public static final long CONNECT_TIMEOUT_MILLIS = 1_000;

  /** Timeout of each request, from sending to the response headers. */
  public static final long REQUEST_TIMEOUT_MILLIS = 2_000;

  private static final String WHAT = "directory";
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final String basePath;
  private final URI base;
  private final DirectoryRequestSigner signer;
  private final HttpClient client;
  private final Clock clock;

  /**
   * A client of the directory at {@code baseUrl} (e.g. the function URL; any path it has is kept as
   * a prefix), signing with {@code signer}.
   */
  public HttpDirectory(URI baseUrl, DirectoryRequestSigner signer, HttpClient client, Clock clock) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = String.valueOf(baseUrl.getScheme());
    boolean loopback = baseUrl.getHost() != null && LOOPBACK.contains(baseUrl.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException("the directory URL must be https (http only on loopback)");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("the directory URL takes no query or fragment");
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.base = baseUrl;
    this.signer = Objects.requireNonNull(signer, "signer");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The client configured by {@value #URL_ENV} and {@value #SECRET_ENV}, on {@link
   * #defaultClient()}.
   */
  public static HttpDirectory fromEnv(Env env, Clock clock) {
    return new HttpDirectory(
        URI.create(env.require(URL_ENV)),
        DirectoryRequestSigner.fromBase64(env.require(SECRET_ENV)),
        defaultClient(),
        clock);
  }

  /**
   * An HTTP client with the {@value #CONNECT_TIMEOUT_MILLIS} ms connect timeout; never redirects.
   */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MILLIS))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public void register(DirectoryKey key, RegionId home) {
    byte[] body = Json.toBytes(Map.of(DirectoryApi.REGION_MEMBER, home.value()));
    HttpResponse<byte[]> response = send("PUT", key, body);
    switch (response.statusCode()) {
      case 201 -> {}
      case 409 -> throw new VersionConflictException("the directory key is already registered");
      default -> throw unexpected(response);
    }
  }

  @Override
  public Optional<RegionId> homeRegion(DirectoryKey key) {
    HttpResponse<byte[]> response = send("GET", key, new byte[0]);
    return switch (response.statusCode()) {
      case 200 -> Optional.of(region(response.body()));
      case 404 -> Optional.empty();
      default -> throw unexpected(response);
    };
  }

  @Override
  public void remove(DirectoryKey key) {
    HttpResponse<byte[]> response = send("DELETE", key, new byte[0]);
    if (response.statusCode() != 204) {
      throw unexpected(response);
    }
  }

  private HttpResponse<byte[]> send(String method, DirectoryKey key, byte[] body) {
    String path = basePath + DirectoryApi.ENTRIES_PATH + key.value();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMillis(REQUEST_TIMEOUT_MILLIS))
            .header("Accept", "application/json, application/problem+json")
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", "application/json");
    }
    signer.sign(method, path, body, clock.instant()).forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // Includes HttpTimeoutException and HttpConnectTimeoutException.
      throw new StoreUnavailableException(WHAT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(WHAT, e);
    }
  }

  private static RuntimeException unexpected(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      return new StoreUnavailableException(WHAT, null);
    }
    if (status == 401) {
      return new IllegalStateException(
          "the directory refused our signature: check "
              + SECRET_ENV
              + " is the same on both sides and the clocks agree");
    }
    return new IllegalStateException("the directory answered an unexpected status " + status);
  }

  private static RegionId region(byte[] body) {
    try {
      JsonNode answer = Json.mapper().readTree(body);
      return RegionId.of(answer.path(DirectoryApi.REGION_MEMBER).asString());
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalStateException("the directory answered 200 without a region id");
    }
  }
}
