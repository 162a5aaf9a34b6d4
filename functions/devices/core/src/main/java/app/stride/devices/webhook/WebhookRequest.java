package app.stride.devices.webhook;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook request as the HTTP adapter received it: the method, the decoded query parameters, the
 * headers (looked up case-insensitively) and the raw body bytes, exactly as sent: signatures are
 * computed over these bytes, never over re-serialised JSON.
 */
public final class WebhookRequest {
  private final String method;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;

  private WebhookRequest(
      String method, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
    this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    this.query = Map.copyOf(Objects.requireNonNull(query, "query"));
    TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(Objects.requireNonNull(headers, "headers"));
    this.headers = Collections.unmodifiableMap(folded);
    this.body = Objects.requireNonNull(body, "body");
  }

  /**
   * A request.
   *
   * @param method the HTTP method
   * @param query the decoded query parameters (a name may repeat)
   * @param headers the headers (names in any case; one value each, as the gateways deliver them)
   * @param body the raw body; not copied: the caller hands it over
   */
  public static WebhookRequest of(
      String method, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
    return new WebhookRequest(method, query, headers, body);
  }

  /** A POST with headers and a body and no query parameters. */
  public static WebhookRequest post(Map<String, String> headers, byte[] body) {
    return new WebhookRequest("POST", Map.of(), headers, body);
  }

  /** A GET with query parameters (one value each), no headers and no body. */
  public static WebhookRequest get(Map<String, String> query) {
    Map<String, List<String>> multi = new TreeMap<>();
    query.forEach((name, value) -> multi.put(name, List.of(value)));
    return new WebhookRequest("GET", multi, Map.of(), new byte[0]);
  }

  /** The method, upper case. */
  public String method() {
    return method;
  }

  /** The value of a header, whatever the case of its name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * The single value of a query parameter. A parameter given more than once is treated as absent,
   * so a second value cannot smuggle past a check made on the first.
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    if (values == null || values.size() != 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(values.get(0));
  }

  /** The raw body (not copied: treat as read-only). */
  public byte[] body() {
    return body;
  }

  /** The body length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  @Override
  public String toString() {
    return "WebhookRequest[" + method + ", " + body.length + " bytes]";
  }
}
