package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The request line as the clouds' log pipelines read it: a whole JSON object per line. */
class RequestLogTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(written, false, StandardCharsets.UTF_8);

  @Test
  void aLine_isExactlyTheJsonObject_andALineFeed() {
    RequestLogLine line = line("req-1", 200);

    new RequestLog(() -> stream).write(line);

    String text = written.toString(StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(line.toJson() + "\n");
    JsonNode parsed = Json.mapper().readTree(text);
    assertThat(parsed.get("requestId").asString()).isEqualTo("req-1");
    assertThat(parsed.get("latencyMs").asLong()).isEqualTo(12);
  }

  @Test
  void concurrentRequests_neverInterleaveTheirLines() throws InterruptedException {
    RequestLog log = new RequestLog(() -> stream);
    int threads = 8;
    int each = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread writer =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < each; i++) {
                  log.write(line("req-" + id + "-" + i, 200 + id));
                }
              });
      writer.start();
      writers.add(writer);
    }
    start.countDown();
    for (Thread writer : writers) {
      writer.join();
    }

    List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(threads * each);
    for (String text : lines) {
      JsonNode parsed = Json.mapper().readTree(text);
      String requestId = parsed.get("requestId").asString();
      int writer = Integer.parseInt(requestId.split("-")[1]);
      assertThat(parsed.get("status").asInt()).isEqualTo(200 + writer);
    }
  }

  @Test
  void standardOutput_isLookedUpAtEachLine() {
    PrintStream original = System.out;
    try {
      System.setOut(stream);
      new RequestLog().write(line("req-out", 201));
    } finally {
      System.setOut(original);
    }
    assertThat(written.toString(StandardCharsets.UTF_8)).startsWith("{\"requestId\":\"req-out\"");
  }

  @Test
  void off_writesNothing_andAnythingElseWrites() {
    PrintStream original = System.out;
    try {
      System.setOut(stream);
      Consumer<RequestLogLine> off = RequestLog.fromEnv(new Env(Map.of(RequestLog.ENV, " OFF ")));
      off.accept(line("req-off", 200));
      assertThat(written.size()).isZero();

      RequestLog.fromEnv(new Env(Map.of())).accept(line("req-on", 200));
    } finally {
      System.setOut(original);
    }
    assertThat(written.toString(StandardCharsets.UTF_8)).contains("\"requestId\":\"req-on\"");
  }

  private static RequestLogLine line(String requestId, int status) {
    return new RequestLogLine(
        requestId,
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "eu",
        "profiles",
        "getMyProfile",
        "GET",
        status,
        12);
  }
}
