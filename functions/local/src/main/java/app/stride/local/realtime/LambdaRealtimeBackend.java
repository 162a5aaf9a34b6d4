package app.stride.local.realtime;

import app.stride.local.aws.ApiGatewayWebSocketCodec;
import app.stride.local.aws.ApiGatewayWebSocketCodec.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS region's chat channel: each connection event becomes the WebSocket API event its realtime
 * Lambda gets in the cloud ({@link ApiGatewayWebSocketCodec}), posted to that Lambda's local host.
 * A {@code $default} answer's body is the route response sent back on the connection; pushes come
 * back through the {@link ManagementApi}.
 */
final class LambdaRealtimeBackend implements RealtimeBackend {
  private static final Logger log = LoggerFactory.getLogger(LambdaRealtimeBackend.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI invoke;

  LambdaRealtimeBackend(int hostPort) {
    this.invoke = URI.create("http://127.0.0.1:" + hostPort + "/invoke");
  }

  @Override
  public int connect(
      LocalConnection connection, Map<String, String> headers, Map<String, String> query) {
    return call(ApiGatewayWebSocketCodec.connect(
            connection.id(), connection.connectedAt(), headers, query, connection.sourceIp()))
        .status();
  }

  @Override
  public void message(LocalConnection connection, String frame) {
    Answer answer =
        call(
            ApiGatewayWebSocketCodec.message(
                connection.id(), connection.connectedAt(), frame, connection.sourceIp()));
    if (answer.status() == 200 && answer.body() != null && !answer.body().isEmpty()) {
      connection.send(answer.body());
    } else if (answer.status() != 200) {
      // API Gateway answers a failed integration with this frame.
      connection.send("{\"message\": \"Internal server error\"}");
    }
  }

  @Override
  public void disconnect(LocalConnection connection, int code, String reason) {
    call(
        ApiGatewayWebSocketCodec.disconnect(
            connection.id(), connection.connectedAt(), code, reason, connection.sourceIp()));
  }

  private Answer call(byte[] event) {
    try {
      HttpResponse<byte[]> result =
          HTTP.send(
              HttpRequest.newBuilder(invoke)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (result.statusCode() != 200) {
        return new Answer(502, null);
      }
      return ApiGatewayWebSocketCodec.answer(result.body());
    } catch (IOException e) {
      log.warn("realtime function at {} does not answer: {}", invoke, e.toString());
      return new Answer(502, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(502, null);
    }
  }
}
