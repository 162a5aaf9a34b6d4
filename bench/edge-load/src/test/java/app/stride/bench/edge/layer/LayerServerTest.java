package app.stride.bench.edge.layer;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.edge.function.OriginVerification;
import app.stride.edge.function.ViewerAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two sides the layer run compares serve the same reads, and only the edge side carries the
 * edge (no Redis here: the edge's in-process buckets). Behaviour only; the build never runs a load.
 */
class LayerServerTest {
  private static final String SECRET = "layer-test-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LayerServer server;
  private static String token;
  private static String ip;

  @BeforeAll
  static void start() throws Exception {
    server = new LayerServer(0, 0, Map.of(OriginVerification.SECRET_ENV, SECRET), 3);
    server.start();
    String[] client = server.clients().get(1).split(" ");
    token = client[0];
    ip = client[1];
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void clients_areOneUserAndOneAddressEach() {
    assertThat(server.clients()).hasSize(3);
    assertThat(server.clients().stream().map(line -> line.split(" ")[1]).distinct()).hasSize(3);
  }

  @Test
  void bare_servesTheProfileRead_withoutAnyEdgeHeader() throws Exception {
    HttpResponse<String> read = get(server.barePort(), Map.of());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"displayName\":\"Bench\"");
    assertThat(read.headers().firstValue("RateLimit")).isEmpty();
  }

  @Test
  void edge_servesTheSameRead_throughTheOriginCheckAndTheRateLimits() throws Exception {
    HttpResponse<String> read =
        get(server.edgePort(), Map.of(OriginVerification.HEADER, SECRET, ViewerAddress.HEADER, ip));
    HttpResponse<String> direct = get(server.edgePort(), Map.of());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"displayName\":\"Bench\"");
    assertThat(read.headers().firstValue("RateLimit")).isPresent();
    assertThat(direct.statusCode()).isEqualTo(403);
  }

  @Test
  void bothSides_refuseAForgedToken() throws Exception {
    HttpResponse<String> bare = get(server.barePort(), "forged", Map.of());
    HttpResponse<String> edge =
        get(server.edgePort(), "forged", Map.of(OriginVerification.HEADER, SECRET));

    assertThat(bare.statusCode()).isEqualTo(401);
    assertThat(edge.statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> get(int port, Map<String, String> headers) throws Exception {
    return get(port, token, headers);
  }

  private static HttpResponse<String> get(int port, String bearer, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/me/profile"))
            .header("Authorization", "Bearer " + bearer);
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
