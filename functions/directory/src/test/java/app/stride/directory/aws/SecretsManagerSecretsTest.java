package app.stride.directory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.directory.http.DirectoryRequestSigner;
import app.stride.core.json.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The one Secrets Manager call, against a loopback endpoint speaking the service's JSON protocol
 * ({@code X-Amz-Target: secretsmanager.GetSecretValue}): no Secrets Manager server runs here.
 */
class SecretsManagerSecretsTest {
  private static final String ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-directory-api-secret-AbCdEf";
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final List<String> targets = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void signer_readsTheSecretByArn_once() {
    URI endpoint =
        serve(Map.of("ARN", ARN, "SecretString", Base64.getEncoder().encodeToString(SECRET)));

    DirectoryRequestSigner signer =
        SecretsManagerSecrets.signer(new ApiSecret.InSecretsManager(ARN), Optional.of(endpoint));

    assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
    assertThat(requests.get(0).path("SecretId").asString()).isEqualTo(ARN);
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    assertThat(signer.sign("GET", "/p", new byte[0], now))
        .isEqualTo(new DirectoryRequestSigner(SECRET).sign("GET", "/p", new byte[0], now));
  }

  @Test
  void signer_refusesASecretWithoutValue() {
    URI endpoint = serve(Map.of("ARN", ARN));

    assertThatThrownBy(
            () ->
                SecretsManagerSecrets.signer(
                    new ApiSecret.InSecretsManager(ARN), Optional.of(endpoint)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no string value");
  }

  private URI serve(Map<String, String> answer) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            requests.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = Json.toBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } finally {
            exchange.close();
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
