package app.stride.edge.resilience;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link HttpClient} calls to one dependency (another region's API, a third-party API) through its
 * {@link OutboundCalls} guard.
 *
 * <p>A {@code 5xx} answer, a connection error (refused, reset, closed without an answer) and a
 * timeout count as failures; any other answer, {@code 4xx} included, counts as a success: the
 * dependency is healthy and judged our request, so the caller gets the response to handle. A
 * request without a timeout of its own gets the dependency's {@code callTimeout}, so that the
 * exchange itself ends (and frees its bulkhead slot) when the caller stops waiting.
 *
 * <pre>{@code
 * OutboundHttp stripe = new OutboundHttp(httpClient, outbound, "stripe");
 * HttpResponse<String> answer = stripe.send(request, BodyHandlers.ofString()); // < 500, or 503 problem
 * }</pre>
 */
public final class OutboundHttp {
  private final HttpClient client;
  private final OutboundCalls calls;
  private final String dependency;
  private final Duration requestTimeout;

  /**
   * Calls through {@code client}, guarded as {@code dependency} of {@code calls}.
   *
   * @throws IllegalArgumentException when {@code calls} has no such dependency
   */
  public OutboundHttp(HttpClient client, OutboundCalls calls, String dependency) {
    this.client = Objects.requireNonNull(client, "client");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.dependency = dependency;
    this.requestTimeout = calls.policy(dependency).callTimeout();
  }

  /**
   * Sends {@code request} and answers the response when its status is below 500. Otherwise, and on
   * a connection error, a timeout, an open breaker or a full bulkhead, throws a {@code 503
   * dependency-unavailable} {@link app.stride.core.problem.ProblemException} with {@code
   * Retry-After}.
   */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    return calls.call(dependency, () -> exchange(request, body));
  }

  /**
   * Sends {@code request} and reads the response (status below 500) with {@code reader}, inside the
   * guard: a reader that throws counts by the dependency's failure rule (an unreadable {@code 200}
   * is a failure, a {@code 4xx} mapped to a 4xx problem is not). On a {@code 5xx} ({@link
   * DependencyServerError}), a connection error ({@link IOException}), a timeout or a refusal,
   * answers {@code fallback}'s value.
   */
  public <T, R> R send(
      HttpRequest request,
      HttpResponse.BodyHandler<T> body,
      Function<HttpResponse<T>, R> reader,
      Function<Throwable, ? extends R> fallback) {
    Objects.requireNonNull(reader, "reader");
    return calls.call(dependency, () -> reader.apply(exchange(request, body)), fallback);
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    HttpResponse<T> response = client.send(bounded(request), body);
    if (response.statusCode() >= 500) {
      throw new DependencyServerError(dependency, response.statusCode());
    }
    return response;
  }

  private HttpRequest bounded(HttpRequest request) {
    if (request.timeout().isPresent()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
  }
}
