package app.stride.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the cloud entry decoded it.
 *
 * @param method upper-case method
 * @param path the raw path, without query
 * @param query query parameters (first value of each)
 * @param headers request headers; names are matched case-insensitively
 * @param body the raw body, empty when none
 * @param sourceIp the client address as the edge saw it
 * @param requestId the edge's request id, for logs and problem instances
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    String sourceIp,
    String requestId) {

  public ApiRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    query = query == null ? Map.of() : Map.copyOf(query);
    headers = FoldedHeaders.of(headers);
    body = body == null ? new byte[0] : body;
    requestId = requestId == null ? "" : requestId;
  }

  /**
   * This request with another source address (the viewer's, once the CDN proved it): the headers
   * are shared, already folded, not copied again.
   */
  public ApiRequest withSourceIp(String sourceIp) {
    return new ApiRequest(method, path, query, headers, body, sourceIp, requestId);
  }

  /** A header value, matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type of the body without parameters, lower-case; empty when absent. */
  public String mediaType() {
    return header("Content-Type")
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }
}
