package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.pull.FetchException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way fetchers speak HTTP: GET only, a deadline for the whole exchange (answer body
 * included), a byte bound counted on what arrives, redirects followed by hand and only onto the
 * provider's trusted hosts ({@link ApiHosts}), and statuses turned into {@link FetchException}s:
 * 401/403 {@code UNAUTHORIZED}, 404/410 {@code NOT_FOUND}, 429 {@code RATE_LIMITED} (with {@code
 * Retry-After}), 408/5xx/timeouts/I/O {@code UNAVAILABLE}, anything else {@code REJECTED}; an
 * answer past its bound is {@code REJECTED}. A followed redirect keeps the request's headers: it
 * only ever leads to the same provider's hosts. Neither request headers (tokens), URLs (Garmin's
 * carry tokens in the query) nor bodies are logged or put in a message.
 */
public final class ProviderHttp {
  /** The bound of a JSON answer (activity lists, summaries, a Strava activity). */
  static final long MAX_JSON_BYTES = 4L * 1024 * 1024;

  /** An error answer's body is read up to this and dropped (Google's errors are small JSON). */
  static final long MAX_ERROR_BYTES = 16 * 1024;

  private static final int MAX_REDIRECTS = 3;
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private final HttpClient http;
  private final Duration timeout;
  private final ImportLimits limits;
  private final Clock clock;

  /**
   * @param http the client; it must not follow redirects itself ({@link #client})
   * @param timeout the longest one request may take, answer body included
   * @param limits the import bounds; an activity file may be up to {@code maxFileBytes}
   * @param clock reads {@code Retry-After} dates
   */
  public ProviderHttp(HttpClient http, Duration timeout, ImportLimits limits, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (http.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the client must not follow redirects");
    }
  }

  /** A client with a 5-second connect timeout, a 60-second request deadline, default limits. */
  public static ProviderHttp withDefaults() {
    return new ProviderHttp(
        client(Duration.ofSeconds(5)),
        Duration.ofSeconds(60),
        ImportLimits.DEFAULT,
        Clock.systemUTC());
  }

  /** An HTTP client as fetchers need it: the connect timeout, no redirects followed. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  ImportLimits limits() {
    return limits;
  }

  Clock clock() {
    return clock;
  }

  /** The {@code Authorization} header of a bearer token. */
  static Map<String, String> bearer(Secret token) {
    return Map.of("Authorization", "Bearer " + token.reveal());
  }

  /** Sees every answer's status and headers, before the status is judged (rate-limit budgets). */
  interface Observer {
    Observer NONE = (status, headers) -> {};

    void seen(int status, HttpHeaders headers);
  }

  /** An activity file, up to the import limit. */
  byte[] file(ApiHosts hosts, URI url, Map<String, String> headers) {
    return get(hosts, url, headers, limits.maxFileBytes(), Observer.NONE);
  }

  /** A JSON answer, up to {@link #MAX_JSON_BYTES}. */
  byte[] json(ApiHosts hosts, URI url, Map<String, String> headers) {
    return get(hosts, url, headers, MAX_JSON_BYTES, Observer.NONE);
  }

  /**
   * The body of a 2xx answer to {@code GET url}.
   *
   * @param url a URL from {@link ApiHosts#api} or {@link ApiHosts#named}
   * @throws FetchException for any other outcome
   */
  byte[] get(
      ApiHosts hosts, URI url, Map<String, String> headers, long maxBytes, Observer observer) {
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<byte[]> response = send(hosts, current, headers, maxBytes);
      int status = response.statusCode();
      observer.seen(status, response.headers());
      if (status >= 200 && status < 300) {
        return response.body();
      }
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw failure(hosts, Reason.REJECTED, "a redirect without a location", null);
        }
        current = hosts.redirect(current, location.get());
        continue;
      }
      throw statusFailure(hosts, status, response.headers());
    }
    throw failure(hosts, Reason.REJECTED, "too many redirects", null);
  }

  private HttpResponse<byte[]> send(
      ApiHosts hosts, URI url, Map<String, String> headers, long maxBytes) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
    headers.forEach(request::header);
    AtomicBoolean oversize = new AtomicBoolean();
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request.build(), info -> body(info, maxBytes, oversize));
    try {
      HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (oversize.get()) {
        throw tooLarge(hosts, maxBytes);
      }
      return response;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw failure(hosts, Reason.UNAVAILABLE, "the provider did not answer in time", null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(hosts, Reason.UNAVAILABLE, "interrupted", null);
    } catch (ExecutionException e) {
      if (oversize.get()) {
        throw tooLarge(hosts, maxBytes);
      }
      // Timeouts, refused or reset connections, TLS failures: try again later. The cause's
      // message is left out: it may name the URL, whose query can carry a token (Garmin).
      throw failure(hosts, Reason.UNAVAILABLE, "the request failed: " + kind(e.getCause()), null);
    }
  }

  private static BodySubscriber<byte[]> body(
      ResponseInfo info, long maxBytes, AtomicBoolean oversize) {
    int status = info.statusCode();
    if (status < 200 || status >= 300) {
      // Read (and drop) a small error body to its end: cancelling the exchange on its first byte
      // may fail the whole response with an I/O error, turning a 404 into a retryable outage.
      return new BoundedBody(MAX_ERROR_BYTES, null);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      oversize.set(true);
      return new BoundedBody(0, null);
    }
    return new BoundedBody(maxBytes, oversize);
  }

  private FetchException statusFailure(ApiHosts hosts, int status, HttpHeaders headers) {
    return switch (status) {
      case 401, 403 -> failure(hosts, Reason.UNAUTHORIZED, "status " + status, null);
      case 404, 410 -> failure(hosts, Reason.NOT_FOUND, "status " + status, null);
      case 429 -> failure(hosts, Reason.RATE_LIMITED, "status 429", retryAfter(headers));
      default ->
          status == 408 || status >= 500
              ? failure(hosts, Reason.UNAVAILABLE, "status " + status, retryAfter(headers))
              : failure(hosts, Reason.REJECTED, "status " + status, null);
    };
  }

  /** {@code Retry-After} as seconds or an HTTP date. */
  Duration retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return null;
    }
    String text = value.get().strip();
    Duration wait;
    if (text.matches("[0-9]{1,9}")) {
      wait = Duration.ofSeconds(Long.parseLong(text));
    } else {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static FetchException failure(
      ApiHosts hosts, Reason reason, String detail, Duration retryAfter) {
    return new FetchException(reason, hosts.provider().wire() + ": " + detail, retryAfter, null);
  }

  private static FetchException tooLarge(ApiHosts hosts, long maxBytes) {
    return failure(
        hosts, Reason.REJECTED, "the answer is larger than " + maxBytes + " bytes", null);
  }

  private static String kind(Throwable cause) {
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return cause instanceof IOException ? "I/O error" : "unexpected error";
  }
}
