package app.stride.social.aws;

import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;

/** API Gateway HTTP API v2 events from the fixture {@code events/apigw-v2-request.json}. */
final class LambdaEvents {
  private LambdaEvents() {}

  static byte[] event(String method, String path, String token, String body) {
    String template;
    try (InputStream in = LambdaEvents.class.getResourceAsStream("/events/apigw-v2-request.json")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return template
        .replace("${METHOD}", method)
        .replace("${PATH}", path)
        .replace("${TOKEN}", token)
        .replace("${BODY}", body == null ? "null" : Json.mapper().writeValueAsString(body))
        .getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode invoke(FunctionInvoker invoker, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("social", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  static JsonNode body(JsonNode response) {
    return Json.mapper().readTree(response.path("body").asString());
  }
}
