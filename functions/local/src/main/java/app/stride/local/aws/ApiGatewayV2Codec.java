package app.stride.local.aws;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes requests as API Gateway HTTP API payload format 2.0 events and reads the function's
 * response, following the documented format: lower-case header names, {@code rawPath}/{@code
 * rawQueryString}, {@code requestContext.http}, base64 bodies when not text.
 */
public final class ApiGatewayV2Codec {
  private ApiGatewayV2Codec() {}

  /** The event API Gateway would send for {@code request} on route {@code routeKey}. */
  public static byte[] toEvent(ApiRequest request, String routeKey, String stage) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", request.path());
    event.put(
        "rawQueryString",
        request.query().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&")));
    ObjectNode headers = event.putObject("headers");
    request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    if (!request.query().isEmpty()) {
      ObjectNode query = event.putObject("queryStringParameters");
      request.query().forEach(query::put);
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "000000000000");
    context.put("apiId", "local");
    context.put("domainName", "localhost");
    context.put("requestId", request.requestId());
    context.put("routeKey", routeKey);
    context.put("stage", stage);
    context.put("timeEpoch", Instant.now().toEpochMilli());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.path());
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", request.header("User-Agent").orElse(""));
    if (request.body().length > 0) {
      boolean text = isText(request.mediaType());
      event.put(
          "body",
          text
              ? new String(request.body(), StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(request.body()));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return Json.toBytes(event);
  }

  /** The response the function returned, as API Gateway would send it to the client. */
  public static ApiResponse fromResult(byte[] result) {
    JsonNode node = Json.mapper().readTree(result);
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> header : node.path("headers").properties()) {
      headers.put(header.getKey(), header.getValue().asString());
    }
    byte[] body;
    String text = node.path("body").asString("");
    if (node.path("isBase64Encoded").asBoolean(false)) {
      body = Base64.getDecoder().decode(text);
    } else {
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    return new ApiResponse(node.path("statusCode").asInt(502), headers, body);
  }

  private static boolean isText(String mediaType) {
    return mediaType.isEmpty()
        || mediaType.startsWith("text/")
        || mediaType.endsWith("json")
        || mediaType.endsWith("+json")
        || mediaType.endsWith("xml");
  }
}
