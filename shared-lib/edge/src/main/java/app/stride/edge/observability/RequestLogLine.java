package app.stride.edge.observability;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.regex.Pattern;

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

  private static final Pattern IDENTIFIER = Pattern.compile(SAFE + "{0," + MAX_LENGTH + "}");

  public RequestLogLine {
    requestId = safe(requestId);
    traceId = safe(traceId);
    region = safe(region);
    function = safe(function);
    operationId = operationId == null ? UNKNOWN_OPERATION : safe(operationId);
    method = safe(method);
  }

  private static String safe(String value) {
    if (value == null) {
      return "";
    }
    return IDENTIFIER.matcher(value).matches() ? value : INVALID;
  }
}
