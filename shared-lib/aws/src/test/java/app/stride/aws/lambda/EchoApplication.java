package app.stride.aws.lambda;

import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.ScheduledTick;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A toy deployable for the FunctionInvoker test: an HTTP echo, a queue consumer that fails on a
 * body that is not JSON, and a schedule that records its ticks.
 */
public class EchoApplication implements ApplicationContextInitializer<GenericApplicationContext> {
  static final AtomicInteger ECHO_INSTANCES = new AtomicInteger();
  static final List<ScheduledTick> TICKS = new CopyOnWriteArrayList<>();

  @Override
  public void initialize(GenericApplicationContext context) {
    AwsFunctions.registerHttp(
        context,
        "echo",
        () -> {
          ECHO_INSTANCES.incrementAndGet();
          return request -> {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", request.method());
            echo.put("path", request.path());
            echo.put("query", request.query());
            echo.put("cookie", request.header("Cookie").orElse(""));
            echo.put("body", request.bodyText());
            echo.put("sourceIp", request.sourceIp());
            return new ApiResponse(
                    201,
                    Map.of("Content-Type", "application/json", "X-Request-Id", request.requestId()),
                    Json.toBytes(echo))
                .withHeader("Set-Cookie", "seen=1; HttpOnly");
          };
        });
    AwsFunctions.registerQueue(
        context,
        "tally",
        () ->
            batch ->
                QueueBatches.each(
                    batch,
                    message -> {
                      if (!message.bodyText().startsWith("{")) {
                        throw new IllegalArgumentException("not a CloudEvent");
                      }
                    }));
    AwsFunctions.registerSchedule(context, "tick", () -> TICKS::add);
  }
}
