package app.stride.core.directory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the server over real loopback HTTP: {@link DirectoryApi} served by the JDK's
 * HTTP server over an in-memory directory, {@link HttpDirectory} and hand-made requests calling it.
 * Every attack is refused with 401 and leaves the directory as it was.
 */
class HttpDirectoryTest {
  private static final byte[] SECRET =
      "api-secret-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_SECRET =
      "some-other-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final DirectoryKeys KEYS =
      new DirectoryKeys("directory-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final DirectoryKey ANA = KEYS.of("ana@example.com");
  private static final DirectoryKey BOB = KEYS.of("bob@example.com");
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final SettableClock serverClock = new SettableClock(START);
  private final SettableClock clientClock = new SettableClock(START);
  private final DirectoryRequestSigner signer = new DirectoryRequestSigner(SECRET);
  private final InMemoryDirectory store = new InMemoryDirectory();
  private final HttpClient raw = HttpDirectory.defaultClient();
  private LoopbackServer server;
  private HttpDirectory directory;

  @BeforeEach
  void serve() {
    server = LoopbackServer.serve(new DirectoryApi(store, signer, serverClock));
    directory = client(signer, clientClock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registerGetRemove_roundTripThroughHttp() {
    directory.register(ANA, RegionId.of("eu"));

    assertThat(directory.homeRegion(ANA)).contains(RegionId.of("eu"));
    assertThat(directory.homeRegion(BOB)).isEmpty();

    directory.remove(ANA);
    directory.remove(ANA);

    assertThat(directory.homeRegion(ANA)).isEmpty();
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void register_ofATakenKey_isAVersionConflict_andKeepsTheFirstRegion() {
    directory.register(ANA, RegionId.of("us"));

    assertThatThrownBy(() -> directory.register(ANA, RegionId.of("apac")))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageNotContaining(ANA.value());
    assertThat(directory.homeRegion(ANA)).contains(RegionId.of("us"));
  }

  @Test
  void baseUrlPathPrefix_isPartOfTheSignedPath() {
    HttpDirectory prefixed =
        new HttpDirectory(
            server.baseUrl().resolve("/global/"),
            signer,
            HttpDirectory.defaultClient(),
            clientClock);

    // The server sees /global/directory/v1/entries/...: the signature holds (no 401, which would
    // throw), only the route does not (404, read as "absent").
    assertThat(prefixed.homeRegion(ANA)).isEmpty();
  }

  @Test
  void attack_noSignature_isRefused() throws Exception {
    store.register(BOB, RegionId.of("us"));
    Map<DirectoryKey, RegionId> before = store.snapshot();

    HttpResponse<String> put = send("PUT", path(ANA), region("eu"), Map.of());
    HttpResponse<String> delete = send("DELETE", path(BOB), new byte[0], Map.of());
    HttpResponse<String> get = send("GET", path(BOB), new byte[0], Map.of());

    assertUnauthorized(put);
    assertUnauthorized(delete);
    assertUnauthorized(get);
    assertThat(get.body()).doesNotContain("region");
    assertThat(store.snapshot()).isEqualTo(before);
  }

  @Test
  void attack_wrongSecret_isRefused_andTheClientCallsItMisconfiguration() throws Exception {
    store.register(BOB, RegionId.of("us"));
    Map<DirectoryKey, RegionId> before = store.snapshot();
    DirectoryRequestSigner forger = new DirectoryRequestSigner(OTHER_SECRET);

    HttpResponse<String> delete =
        send(
            "DELETE", path(BOB), new byte[0], forger.sign("DELETE", path(BOB), new byte[0], START));
    HttpDirectory misconfigured = client(forger, clientClock);

    assertUnauthorized(delete);
    assertThatThrownBy(() -> misconfigured.register(ANA, RegionId.of("eu")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(HttpDirectory.SECRET_ENV);
    assertThat(store.snapshot()).isEqualTo(before);
  }

  @Test
  void attack_bodyTamperedAfterSigning_isRefused() throws Exception {
    Map<String, String> signature = signer.sign("PUT", path(ANA), region("eu"), START);

    HttpResponse<String> tampered = send("PUT", path(ANA), region("us"), signature);

    assertUnauthorized(tampered);
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void attack_signatureMovedToAnotherKey_isRefused() throws Exception {
    store.register(BOB, RegionId.of("us"));
    Map<DirectoryKey, RegionId> before = store.snapshot();
    Map<String, String> signedForAna = signer.sign("DELETE", path(ANA), new byte[0], START);

    HttpResponse<String> deleteBob = send("DELETE", path(BOB), new byte[0], signedForAna);
    HttpResponse<String> putBob =
        send("PUT", path(BOB), region("eu"), signer.sign("PUT", path(ANA), region("eu"), START));

    assertUnauthorized(deleteBob);
    assertUnauthorized(putBob);
    assertThat(store.snapshot()).isEqualTo(before);
  }

  @Test
  void attack_anotherVerbUnderTheSameSignature_isRefused() throws Exception {
    store.register(BOB, RegionId.of("us"));
    Map<DirectoryKey, RegionId> before = store.snapshot();
    Map<String, String> signedGet = signer.sign("GET", path(BOB), new byte[0], START);

    assertUnauthorized(send("DELETE", path(BOB), new byte[0], signedGet));
    assertThat(store.snapshot()).isEqualTo(before);
  }

  @Test
  void attack_replayAfter61Seconds_isRefused() throws Exception {
    store.register(BOB, RegionId.of("us"));
    Map<String, String> captured = signer.sign("DELETE", path(BOB), new byte[0], START);
    assertThat(send("DELETE", path(BOB), new byte[0], captured).statusCode()).isEqualTo(204);
    store.register(BOB, RegionId.of("us"));
    Map<DirectoryKey, RegionId> before = store.snapshot();

    serverClock.advance(Duration.ofSeconds(61));
    HttpResponse<String> replay = send("DELETE", path(BOB), new byte[0], captured);

    assertUnauthorized(replay);
    assertThat(store.snapshot()).isEqualTo(before);
  }

  @Test
  void attack_staleClient_isRefused_asMisconfiguration() {
    clientClock.advance(Duration.ofSeconds(-61));

    assertThatThrownBy(() -> directory.register(ANA, RegionId.of("eu")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void attack_futureTimestamp_isRefused() throws Exception {
    Map<String, String> ahead = signer.sign("PUT", path(ANA), region("eu"), START.plusSeconds(61));

    assertUnauthorized(send("PUT", path(ANA), region("eu"), ahead));
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void attack_garbledSignatureHeaders_areRefused() throws Exception {
    Map<String, String> good = signer.sign("PUT", path(ANA), region("eu"), START);
    String signature = good.get(DirectoryRequestSigner.SIGNATURE_HEADER);

    assertUnauthorized(
        send(
            "PUT",
            path(ANA),
            region("eu"),
            Map.of(
                DirectoryRequestSigner.TIMESTAMP_HEADER,
                "now",
                DirectoryRequestSigner.SIGNATURE_HEADER,
                signature)));
    assertUnauthorized(
        send(
            "PUT",
            path(ANA),
            region("eu"),
            Map.of(
                DirectoryRequestSigner.TIMESTAMP_HEADER,
                good.get(DirectoryRequestSigner.TIMESTAMP_HEADER),
                DirectoryRequestSigner.SIGNATURE_HEADER,
                signature + "==")));
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void serverDown_isStoreUnavailable() {
    URI gone = server.baseUrl();
    server.close();
    HttpDirectory down =
        new HttpDirectory(gone, signer, HttpDirectory.defaultClient(), clientClock);

    assertThatThrownBy(() -> down.homeRegion(ANA))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageNotContaining(ANA.value());
    assertThatThrownBy(() -> down.register(ANA, RegionId.of("eu")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void serverError_isStoreUnavailable() {
    server.close();
    server = LoopbackServer.serve(request -> ApiResponse.empty(502));

    assertThatThrownBy(() -> client(signer, clientClock).remove(ANA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void slowServer_timesOutAfterTheRequestTimeout_asStoreUnavailable() {
    server.close();
    server =
        LoopbackServer.serve(
            request -> {
              try {
                Thread.sleep(HttpDirectory.REQUEST_TIMEOUT_MILLIS + 1_500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ApiResponse.empty(204);
            });
    long start = System.nanoTime();

    assertThatThrownBy(() -> client(signer, clientClock).remove(ANA))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofMillis(HttpDirectory.REQUEST_TIMEOUT_MILLIS + 1_000));
  }

  @Test
  void constructor_refusesPlainHttpOutsideLoopback() {
    assertThatThrownBy(
            () ->
                new HttpDirectory(
                    URI.create("http://directory.example.com"),
                    signer,
                    HttpDirectory.defaultClient(),
                    clientClock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  private HttpDirectory client(DirectoryRequestSigner with, SettableClock clock) {
    return new HttpDirectory(server.baseUrl(), with, HttpDirectory.defaultClient(), clock);
  }

  private HttpResponse<String> send(
      String method, String path, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(5))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String path(DirectoryKey key) {
    return DirectoryApi.ENTRIES_PATH + key.value();
  }

  private static byte[] region(String id) {
    return ("{\"region\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body()).contains("https://stride.app/problems/unauthorized");
  }
}
