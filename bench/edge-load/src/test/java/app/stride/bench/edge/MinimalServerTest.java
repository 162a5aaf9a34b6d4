package app.stride.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baseline answers the benchmark's routes as the gateway does, so wrk's scripts run on both.
 */
class MinimalServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private MinimalServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MinimalServer(0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesTheThreeBenchmarkRoutes_withTheGatewaysStatuses() throws Exception {
    assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
    HttpResponse<String> profile = send("GET", "/v1/me/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).contains("\"displayName\"");
    HttpResponse<String> refresh = send("POST", "/v1/auth/token/refresh");
    assertThat(refresh.statusCode()).isEqualTo(401);
    assertThat(refresh.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void answersAnythingElse_with404() throws Exception {
    assertThat(send("GET", "/v1/nothing").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
