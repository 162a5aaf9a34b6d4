package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;

/**
 * Runs the real Lambda handler, {@code FunctionInvoker}, on a toy deployable. {@code
 * FunctionClassUtils.getStartClass()} reads {@code MAIN_CLASS} from the environment first and then
 * from the system properties, and the invoker reads {@code spring.cloud.function.definition} from
 * the Spring environment (in Lambda: the {@code SPRING_CLOUD_FUNCTION_DEFINITION} variable), so
 * system properties stand in for the variables infra sets.
 */
class FunctionInvokerIT {

  @AfterEach
  void clearProperties() {
    System.clearProperty("MAIN_CLASS");
    System.clearProperty("spring.cloud.function.definition");
  }

  @Test
  void apiGatewayV2Event_goesThroughTheNeutralFunctionAndBack() throws IOException {
    long start = System.nanoTime();
    FunctionInvoker invoker = start("echoHttp");

    JsonNode response = invoke(invoker, Fixtures.bytes("apigw-v2-request.json"));
    long coldStartMs = (System.nanoTime() - start) / 1_000_000;
    System.out.println("FunctionInvoker cold start (context + first call): " + coldStartMs + " ms");

    assertThat(response.get("statusCode").asInt()).isEqualTo(201);
    assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(response.get("headers").get("X-Request-Id").asString())
        .isEqualTo("Jx3kRgBvFiAEMzQ=");
    assertThat(response.get("cookies").get(0).asString()).isEqualTo("seen=1; HttpOnly");
    JsonNode echo = Json.mapper().readTree(response.get("body").asString());
    assertThat(echo.get("method").asString()).isEqualTo("POST");
    assertThat(echo.get("path").asString()).isEqualTo("/v1/echo/items");
    assertThat(echo.get("query").get("tag").asString()).isEqualTo("a b");
    assertThat(echo.get("cookie").asString()).isEqualTo("session=abc123; theme=dark");
    assertThat(echo.get("body").asString())
        .isEqualTo("{\"name\":\"Long run\",\"distanceM\":21097.5}");
    assertThat(echo.get("sourceIp").asString()).isEqualTo("203.0.113.9");

    long warm = System.nanoTime();
    invoke(invoker, Fixtures.bytes("apigw-v2-request.json"));
    System.out.println("FunctionInvoker warm call: " + (System.nanoTime() - warm) / 1_000 + " µs");
  }

  @Test
  void sqsBatchWithOnePoisonMessage_reportsExactlyThatMessageAsFailed() throws IOException {
    FunctionInvoker invoker = start("tallyQueue");

    JsonNode response = invoke(invoker, Fixtures.bytes("sqs-batch.json"));

    assertThat(response.get("batchItemFailures")).hasSize(1);
    assertThat(response.get("batchItemFailures").get(0).get("itemIdentifier").asString())
        .isEqualTo("2e1424d4-f796-459a-8184-9c92662be6da");
  }

  @Test
  void schedulerEvent_reachesTheJobAsATick() throws IOException {
    EchoApplication.TICKS.clear();
    FunctionInvoker invoker = start("tickSchedule");

    invoke(invoker, Fixtures.bytes("scheduler-event.json"));

    assertThat(EchoApplication.TICKS).hasSize(1);
    assertThat(EchoApplication.TICKS.get(0).schedule()).isEqualTo("profiles-outbox-relay");
  }

  @Test
  void plainTextRequestBody_reachesTheFunctionUnchanged() throws IOException {
    FunctionInvoker invoker = start("echoHttp");
    String event =
        new String(Fixtures.bytes("apigw-v2-request.json"), StandardCharsets.UTF_8)
            .replace("\"isBase64Encoded\": true", "\"isBase64Encoded\": false")
            .replace("eyJuYW1lIjoiTG9uZyBydW4iLCJkaXN0YW5jZU0iOjIxMDk3LjV9", "plain text");

    JsonNode response = invoke(invoker, event.getBytes(StandardCharsets.UTF_8));

    JsonNode echo = Json.mapper().readTree(response.get("body").asString());
    assertThat(echo.get("body").asString()).isEqualTo("plain text");
  }

  private static FunctionInvoker start(String definition) {
    System.setProperty("MAIN_CLASS", EchoApplication.class.getName());
    System.setProperty("spring.cloud.function.definition", definition);
    return new FunctionInvoker();
  }

  private static JsonNode invoke(FunctionInvoker invoker, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("test", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }
}
