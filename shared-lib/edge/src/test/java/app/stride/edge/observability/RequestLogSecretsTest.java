package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feeds requests full of secrets through the observer and reads everything written to stdout and
 * stderr (request lines go to {@code System.out}, slf4j-simple's lines to {@code System.err}, both
 * looked up at each line): the request lines are there, each a whole JSON object, and not one
 * secret is.
 */
class RequestLogSecretsTest {
  private static final String TOKEN =
      "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJyZWdpb24iOiJldSJ9.c2lnbmF0dXJlLXNlY3JldA";
  private static final String PASSWORD = "Hunter2-correct-horse-battery";
  private static final String EMAIL = "ada.lovelace@example.org";
  private static final List<String> SECRETS =
      List.of(TOKEN, "Bearer", PASSWORD, EMAIL, "ada.lovelace", "c2lnbmF0dXJlLXNlY3JldA");
  private static final ServiceIdentity AUTH = new ServiceIdentity("eu", "auth");

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(sink);
    System.setErr(sink);
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void requestLines_carryTheCall_butNoTokenPasswordOrEmail() {
    RequestObserver observer =
        new RequestObserver(AUTH, new EdgeMetrics(new SimpleMeterRegistry(), AUTH));
    Function<ApiRequest, ApiResponse> handler =
        observer.around(
            request ->
                switch (request.path()) {
                  case "/v1/sessions" -> ApiResponse.json(201, Map.of("token", TOKEN));
                  case "/v1/accounts" -> ApiResponse.json(400, Map.of("echo", request.bodyText()));
                  default -> throw new IllegalStateException("failed for " + EMAIL + " " + TOKEN);
                },
            request -> request.path().equals("/v1/sessions") ? "createSession" : null);

    handler.apply(
        request(
            "/v1/sessions",
            "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}",
            "req-1"));
    handler.apply(request("/v1/accounts", "email=" + EMAIL + "&password=" + PASSWORD, "req-2"));
    assertThatThrownBy(() -> handler.apply(request("/v1/me/" + EMAIL, PASSWORD, "req-3")))
        .isInstanceOf(IllegalStateException.class);
    handler.apply(request("/v1/sessions", "{}", "req-4\n" + TOKEN + " " + EMAIL));

    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("\"requestId\":\"req-1\"", "\"requestId\":\"req-2\"");
    for (String secret : SECRETS) {
      assertThat(output).doesNotContain(secret);
    }
    List<JsonNode> lines =
        output
            .lines()
            .filter(line -> line.startsWith("{\"requestId\""))
            .map(line -> Json.mapper().readTree(line))
            .toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).propertyNames())
        .containsExactly(
            "requestId",
            "traceId",
            "region",
            "function",
            "operationId",
            "method",
            "status",
            "latencyMs");
    assertThat(lines.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(lines.get(0).get("operationId").asString()).isEqualTo("createSession");
    assertThat(lines.get(0).get("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(lines.get(1).get("operationId").asString()).isEqualTo("unknown");
    assertThat(lines.get(2).get("status").asInt()).isEqualTo(500);
    assertThat(lines.get(3).get("requestId").asString()).isEqualTo(RequestLogLine.INVALID);
  }

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static ApiRequest request(String path, String body, String requestId) {
    return new ApiRequest(
        "POST",
        path,
        Map.of("password", PASSWORD),
        Map.of(
            "Authorization", "Bearer " + TOKEN,
            "Cookie", "session=" + TOKEN,
            "X-User-Email", EMAIL,
            "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "tracestate", "vendor=" + PASSWORD),
        body.getBytes(StandardCharsets.UTF_8),
        "203.0.113.9",
        requestId);
  }
}
