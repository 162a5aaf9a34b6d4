package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP entry served by the real Functions Framework invoker, as Cloud Functions runs it. */
class StrideHttpFunctionIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Invoker invoker;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    invoker =
        new Invoker(
            port,
            ToyHttpFunction.class.getName(),
            null,
            Thread.currentThread().getContextClassLoader());
    invoker.startTestServer();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    invoker.stopServer();
  }

  @Test
  void post_reachesTheFunctionWithPathQueryHeadersBodySourceAndTrace() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/echo?limit=5&limit=9&q=a%20b"))
                .header("X-Toy", "toy")
                .header("X-Forwarded-For", "10.1.1.1, 198.51.100.4")
                .header("X-Cloud-Trace-Context", "0123456789abcdef0123456789abcdef/42;o=1")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Echo")).contains("yes");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body())
        .contains("\"method\":\"POST\"")
        .contains("\"path\":\"/v1/echo\"")
        .contains("\"limit\":\"5\"")
        .contains("\"q\":\"a b\"")
        .contains("\"header\":\"toy\"")
        .contains("\"body\":\"hello\"")
        .contains("\"sourceIp\":\"198.51.100.4\"")
        .contains("\"requestId\":\"0123456789abcdef0123456789abcdef\"");
  }

  @Test
  void post_overTheBodyLimit_is413ProblemJson() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(ToyHttpFunction.MAX_BODY + 1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body()).contains("payload-too-large");
  }

  @Test
  void get_whoseFunctionFails_is500ProblemWithoutInternals() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/boom")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("problems/internal").doesNotContain("secret internals");
  }
}
