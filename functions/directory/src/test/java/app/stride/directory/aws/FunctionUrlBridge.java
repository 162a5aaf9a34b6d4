package app.stride.directory.aws;

import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.core.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback HTTP front that does what a Lambda function URL does: each HTTP request becomes a
 * payload-format-2.0 event (lower-case header names, base64 body) handed to the real {@code
 * FunctionInvoker}, whose JSON answer becomes the HTTP response.
 */
final class FunctionUrlBridge implements AutoCloseable {
  private final HttpServer server;

  private FunctionUrlBridge(HttpServer server) {
    this.server = server;
  }

  static FunctionUrlBridge serve(FunctionInvoker invoker) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> answer(exchange, invoker));
      server.start();
      return new FunctionUrlBridge(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Invokes the handler with one event and returns its JSON answer. */
  static JsonNode invoke(FunctionInvoker invoker, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("stride-directory", 10_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  private static void answer(HttpExchange exchange, FunctionInvoker invoker) throws IOException {
    try {
      JsonNode answer = invoke(invoker, event(exchange));
      answer
          .path("headers")
          .properties()
          .forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asString()));
      String text = answer.path("body").asString("");
      byte[] body =
          answer.path("isBase64Encoded").asBoolean(false)
              ? Base64.getDecoder().decode(text)
              : text.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(
          answer.path("statusCode").asInt(502), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private static byte[] event(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", path);
    event.put(
        "rawQueryString",
        exchange.getRequestURI().getRawQuery() == null
            ? ""
            : exchange.getRequestURI().getRawQuery());
    ObjectNode headers = event.putObject("headers");
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "anonymous");
    context.put("apiId", "local");
    context.put("domainName", "local.lambda-url.eu-central-1.on.aws");
    context.put("requestId", UUID.randomUUID().toString());
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("timeEpoch", System.currentTimeMillis());
    ObjectNode http = context.putObject("http");
    http.put("method", exchange.getRequestMethod());
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "127.0.0.1");
    if (body.length > 0) {
      event.put("body", Base64.getEncoder().encodeToString(body));
    }
    event.put("isBase64Encoded", body.length > 0);
    return Json.toBytes(event);
  }
}
