package app.stride.edge.observability;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one structured line logged per request. It holds identifiers, the route and the outcome, and
 * nothing taken from headers or bodies: no token, password, e-mail or path parameter can reach it.
 * Values from the request line ({@code requestId}, {@code method}) are kept only when they look
 * like identifiers ({@value #SAFE}, at most {@value #MAX_LENGTH} characters); otherwise they are
 * logged as {@value #INVALID}.
 *
 * @param requestId the edge's request id
 * @param traceId the W3C trace id of the call
 * @param region the Stride region
 * @param function the function name
 * @param operationId the spec's operationId, {@code unknown} before routing
 * @param method the HTTP method
 * @param status the response status
 * @param latencyMs the time from receipt to response, in milliseconds
 */
@JsonPropertyOrder({
  "requestId",
  "traceId",
  "region",
  "function",
  "operationId",
  "method",
  "status",
  "latencyMs"
})
public record RequestLogLine(
    String requestId,
    String traceId,
    String region,
    String function,
    String operationId,
    String method,
    int status,
    long latencyMs) {
  /** The characters a logged identifier may have. */
  public static final String SAFE = "[A-Za-z0-9._:/;=+@-]";

  /** Longest identifier kept. */
  public static final int MAX_LENGTH = 128;

  /** What a value that does not look like an identifier is logged as. */
  public static final String INVALID = "invalid";

  /** The operation of a request that matched no route. */
  public static final String UNKNOWN_OPERATION = "unknown";

  public RequestLogLine {
    requestId = safe(requestId);
    traceId = safe(traceId);
    region = safe(region);
    function = safe(function);
    operationId = operationId == null ? UNKNOWN_OPERATION : safe(operationId);
    method = safe(method);
  }

  /**
   * This line as one JSON object, members in the order above: what Jackson writes for it, without a
   * serializer per request. No value needs escaping: every string is an identifier of {@link #SAFE}
   * characters (no quote, backslash or control character), {@link #INVALID} or empty.
   */
  public String toJson() {
    return json().toString();
  }

  /** {@link #toJson()} and a line feed: the line as {@link RequestLog} writes it. */
  public String toJsonLine() {
    return json().append('\n').toString();
  }

  private StringBuilder json() {
    return new StringBuilder(256)
        .append("{\"requestId\":\"")
        .append(requestId)
        .append("\",\"traceId\":\"")
        .append(traceId)
        .append("\",\"region\":\"")
        .append(region)
        .append("\",\"function\":\"")
        .append(function)
        .append("\",\"operationId\":\"")
        .append(operationId)
        .append("\",\"method\":\"")
        .append(method)
        .append("\",\"status\":")
        .append(status)
        .append(",\"latencyMs\":")
        .append(latencyMs)
        .append('}');
  }

  private static String safe(String value) {
    if (value == null) {
      return "";
    }
    return isIdentifier(value) ? value : INVALID;
  }

  /** Whether {@code value} is at most {@link #MAX_LENGTH} characters, each one of {@link #SAFE}. */
  static boolean isIdentifier(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isSafe(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is one of {@link #SAFE}'s characters (a loop: no regex per request). */
  private static boolean isSafe(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || "._:/;=+@-".indexOf(c) >= 0;
  }
}
