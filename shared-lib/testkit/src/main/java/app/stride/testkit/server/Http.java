package app.stride.testkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal HTTP/1.1 calls used for readiness probes and emulator admin endpoints. */
final class Http {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private Http() {}

  static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  static HttpResponse<String> delete(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).DELETE());
  }

  static HttpResponse<String> postJson(URI uri, String json)
      throws IOException, InterruptedException {
    return post(uri, json, "Content-Type", "application/json");
  }

  /** POSTs {@code body} with the given header name/value pairs. */
  static HttpResponse<String> post(URI uri, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }
}
