package app.stride.gcp.functions;

import app.stride.core.function.StrideFunctions;
import app.stride.core.http.ApiResponse;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * A toy capability for the entry tests: {@code echo} answers with what it received, {@code
 * toyQueue} and {@code toyTick} record their inputs ({@code toyQueue} throws for a message whose
 * body is {@code boom}), and a request to {@code /boom} throws.
 */
public final class ToyApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {
  /** Inputs the consumers saw, in order. */
  public static final List<Object> RECEIVED = new CopyOnWriteArrayList<>();

  @Override
  public void initialize(GenericApplicationContext context) {
    StrideFunctions.registerHttp(
        context,
        "echo",
        () ->
            request -> {
              if (request.path().equals("/boom")) {
                throw new IllegalStateException("secret internals");
              }
              Map<String, Object> echo = new LinkedHashMap<>();
              echo.put("method", request.method());
              echo.put("path", request.path());
              echo.put("query", request.query());
              echo.put("header", request.header("X-Toy").orElse(""));
              echo.put("body", request.bodyText());
              echo.put("sourceIp", request.sourceIp());
              echo.put("requestId", request.requestId());
              return ApiResponse.json(200, echo).withHeader("X-Echo", "yes");
            });
    registerConsumer(
        context,
        "toyQueue",
        QueueMessage.class,
        message -> {
          if (new String(message.body(), StandardCharsets.UTF_8).equals("boom")) {
            throw new IllegalStateException("the toy worker failed");
          }
          RECEIVED.add(message);
        });
    registerConsumer(context, "toyTick", ScheduledTick.class, RECEIVED::add);
  }

  private static <T> void registerConsumer(
      GenericApplicationContext context, String name, Class<T> input, Consumer<T> consumer) {
    context.registerBean(
        name,
        FunctionRegistration.class,
        () ->
            new FunctionRegistration<>(consumer, name)
                .type(ResolvableType.forClassWithGenerics(Consumer.class, input).getType()));
  }
}
