package app.stride.core.directory.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server side called directly with neutral requests: routing, validation, problems. */
class DirectoryApiTest {
  private static final byte[] SECRET =
      "api-secret-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final DirectoryKeys KEYS =
      new DirectoryKeys("directory-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final DirectoryKey ANA = KEYS.of("ana@example.com");
  private static final String ANA_PATH = DirectoryApi.ENTRIES_PATH + ANA.value();

  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final DirectoryRequestSigner signer = new DirectoryRequestSigner(SECRET);
  private final InMemoryDirectory store = new InMemoryDirectory();
  private final DirectoryApi api = new DirectoryApi(store, signer, clock);

  @Test
  void put_registers_andAnswers201WithoutBody() {
    ApiResponse response = api.apply(signed("PUT", ANA_PATH, region("eu"), Map.of()));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body()).isEmpty();
    assertThat(store.homeRegion(ANA)).contains(RegionId.of("eu"));
  }

  @Test
  void put_ofATakenKey_answers409_withoutRevealingTheExistingRegion() {
    store.register(ANA, RegionId.of("apac"));

    ApiResponse response = api.apply(signed("PUT", ANA_PATH, region("eu"), Map.of()));

    assertProblem(response, 409, "conflict");
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(problem.propertyNames())
        .containsExactlyInAnyOrder("type", "title", "status", "detail");
    assertThat(response.bodyText()).doesNotContain("apac").doesNotContain(ANA.value());
    assertThat(store.homeRegion(ANA)).contains(RegionId.of("apac"));
  }

  @Test
  void get_answersTheRegion_or404() {
    ApiResponse absent = api.apply(signed("GET", ANA_PATH, new byte[0], Map.of()));
    store.register(ANA, RegionId.of("us"));

    ApiResponse present = api.apply(signed("GET", ANA_PATH, new byte[0], Map.of()));

    assertProblem(absent, 404, "not-found");
    assertThat(present.status()).isEqualTo(200);
    assertThat(present.header("Content-Type")).isEqualTo("application/json");
    assertThat(present.bodyText()).isEqualTo("{\"region\":\"us\"}");
  }

  @Test
  void delete_answers204_whetherTheEntryExistedOrNot() {
    store.register(ANA, RegionId.of("us"));

    ApiResponse first = api.apply(signed("DELETE", ANA_PATH, new byte[0], Map.of()));
    ApiResponse second = api.apply(signed("DELETE", ANA_PATH, new byte[0], Map.of()));

    assertThat(first.status()).isEqualTo(204);
    assertThat(second.status()).isEqualTo(204);
    assertThat(store.homeRegion(ANA)).isEmpty();
  }

  @Test
  void unsignedRequest_answers401_andNeverReachesTheStore() {
    ApiRequest unsigned =
        request("PUT", ANA_PATH, region("eu"), Map.of("Content-Type", "application/json"));

    assertProblem(api.apply(unsigned), 401, "unauthorized");
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void unsignedRequest_toAnUnknownPath_answers401_not404() {
    ApiRequest unsigned = request("GET", "/admin", new byte[0], Map.of());

    assertProblem(api.apply(unsigned), 401, "unauthorized");
  }

  @Test
  void oversizedBody_answers413_beforeAnythingElse() {
    byte[] big = ("{\"region\":\"eu\",\"pad\":\"" + "x".repeat(1024) + "\"}").getBytes();

    assertProblem(api.apply(signed("PUT", ANA_PATH, big, Map.of())), 413, "payload-too-large");
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void aKeyNotOfTheDirectoryForm_answers400() {
    for (String key : List.of("short", ANA.value() + "A", ANA.value().substring(1) + "=", "a/b")) {
      ApiResponse response =
          api.apply(signed("GET", DirectoryApi.ENTRIES_PATH + key, new byte[0], Map.of()));

      assertProblem(response, 400, "validation-failed");
    }
  }

  @Test
  void anotherPath_answers404_andAnotherMethod405WithAllow() {
    assertProblem(
        api.apply(signed("GET", "/directory/v1/other", new byte[0], Map.of())), 404, "not-found");

    ApiResponse post = api.apply(signed("POST", ANA_PATH, region("eu"), Map.of()));

    assertProblem(post, 405, "method-not-allowed");
    assertThat(post.header("Allow")).isEqualTo("GET, PUT, DELETE");
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void aQuery_answers400_sinceItIsNotSigned() {
    ApiRequest withQuery =
        withSignature(
            new ApiRequest(
                "GET", ANA_PATH, Map.of("debug", "1"), Map.of(), new byte[0], "127.0.0.1", "r"));

    assertProblem(api.apply(withQuery), 400, "validation-failed");
  }

  @Test
  void put_refusesABodyThatIsNotExactlyARegion() {
    Map<String, Integer> statuses = new HashMap<>();
    statuses.put("{\"region\":\"eu\",\"email\":\"ana@example.com\"}", 400);
    statuses.put("{\"region\":\"EU!\"}", 400);
    statuses.put("{\"region\":7}", 400);
    statuses.put("{}", 400);
    statuses.put("[\"eu\"]", 400);
    statuses.put("{\"region\":", 400);
    statuses.put("", 415); // no body, no Content-Type

    statuses.forEach(
        (body, status) ->
            assertThat(
                    api.apply(
                            signed(
                                "PUT", ANA_PATH, body.getBytes(StandardCharsets.UTF_8), Map.of()))
                        .status())
                .as("body %s", body)
                .isEqualTo(status));
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void put_refusesAnotherMediaType() {
    ApiResponse response =
        api.apply(signed("PUT", ANA_PATH, region("eu"), Map.of("Content-Type", "text/plain")));

    assertProblem(response, 415, "unsupported-media-type");
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void aStoreOutage_answers503WithRetryAfter() {
    DirectoryApi down = new DirectoryApi(new FailingDirectory(), signer, clock);

    ApiResponse response = down.apply(signed("GET", ANA_PATH, new byte[0], Map.of()));

    assertProblem(response, 503, "store-unavailable");
    assertThat(response.header("Retry-After"))
        .isEqualTo(StoreUnavailableException.RETRY_AFTER_SECONDS);
  }

  @Test
  void anUnexpectedFailure_answers500_withoutItsMessage() {
    DirectoryPort broken =
        new DirectoryPort() {
          @Override
          public void register(DirectoryKey key, RegionId home) {
            throw new IllegalStateException("boom " + key);
          }

          @Override
          public Optional<RegionId> homeRegion(DirectoryKey key) {
            throw new IllegalStateException("boom " + key);
          }

          @Override
          public void remove(DirectoryKey key) {
            throw new IllegalStateException("boom " + key);
          }
        };
    ApiResponse response =
        new DirectoryApi(broken, signer, clock)
            .apply(signed("GET", ANA_PATH, new byte[0], Map.of()));

    assertProblem(response, 500, "internal");
    assertThat(response.bodyText()).doesNotContain("boom").doesNotContain(ANA.value());
  }

  private ApiRequest signed(String method, String path, byte[] body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>();
    if (body.length > 0) {
      all.put("Content-Type", "application/json");
    }
    all.putAll(headers);
    return withSignature(request(method, path, body, all));
  }

  private ApiRequest withSignature(ApiRequest request) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.putAll(signer.sign(request.method(), request.path(), request.body(), clock.instant()));
    return new ApiRequest(
        request.method(),
        request.path(),
        request.query(),
        headers,
        request.body(),
        request.sourceIp(),
        request.requestId());
  }

  private static ApiRequest request(
      String method, String path, byte[] body, Map<String, String> headers) {
    return new ApiRequest(method, path, Map.of(), headers, body, "127.0.0.1", "req-1");
  }

  private static byte[] region(String id) {
    return ("{\"region\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertProblem(ApiResponse response, int status, String slug) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(problem.path("type").asString()).isEqualTo("https://stride.app/problems/" + slug);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
  }

  /** A store that cannot be reached. */
  private static final class FailingDirectory implements DirectoryPort {
    @Override
    public void register(DirectoryKey key, RegionId home) {
      throw new StoreUnavailableException("data store", new java.io.IOException("down"));
    }

    @Override
    public Optional<RegionId> homeRegion(DirectoryKey key) {
      throw new StoreUnavailableException("data store", new java.io.IOException("down"));
    }

    @Override
    public void remove(DirectoryKey key) {
      throw new StoreUnavailableException("data store", new java.io.IOException("down"));
    }
  }
}
