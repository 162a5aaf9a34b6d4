package app.stride.gcp.functions;

import app.stride.core.http.ApiRequest;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import com.google.cloud.functions.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Decodes a Functions Framework {@link HttpRequest} into the neutral {@link ApiRequest}. The source
 * address is the {@code X-Forwarded-For} entry Google's load balancer wrote, never one the client
 * could write ({@link ForwardedFor}).
 */
public final class HttpRequests {
  /** The header Google's front end sets with the request's trace id. */
  public static final String TRACE_HEADER = "X-Cloud-Trace-Context";

  /** Recorded as the source address when the request names none. */
  public static final String UNKNOWN_SOURCE = "unknown";

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{32}");

  private HttpRequests() {}

  /**
   * The neutral request. The body is read up to {@code maxBodyBytes} plus one byte, so an oversized
   * body is refused without being buffered whole.
   *
   * @throws ProblemException {@code payload-too-large} when the body exceeds {@code maxBodyBytes}
   */
  public static ApiRequest toApiRequest(HttpRequest request, int maxBodyBytes) throws IOException {
    return toApiRequest(request, maxBodyBytes, ForwardedFor.LAST_HOP);
  }

  /**
   * The neutral request, its source address the entry of {@code X-Forwarded-For} that {@code
   * forwardedFor} trusts (see {@link ForwardedFor}).
   *
   * @throws ProblemException {@code payload-too-large} when the body exceeds {@code maxBodyBytes}
   */
  static ApiRequest toApiRequest(HttpRequest request, int maxBodyBytes, ForwardedFor forwardedFor)
      throws IOException {
    return new ApiRequest(
        request.getMethod(),
        request.getPath(),
        firstValues(request.getQueryParameters()),
        joinedValues(request.getHeaders()),
        body(request, maxBodyBytes),
        forwardedFor.client(request.getHeaders()),
        requestId(request.getHeaders()));
  }

  /** The body, at most {@code maxBodyBytes} long. */
  static byte[] body(HttpRequest request, int maxBodyBytes) throws IOException {
    if (request.getContentLength() > maxBodyBytes) {
      throw tooLarge(maxBodyBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge(maxBodyBytes);
      }
      return body;
    }
  }

  /**
   * The trace id of {@code X-Cloud-Trace-Context} ({@code TRACE_ID/SPAN_ID;o=1}), else a new id.
   */
  static String requestId(Map<String, List<String>> headers) {
    String trace = first(headers, TRACE_HEADER);
    if (trace != null) {
      String id = trace.split("/", 2)[0].trim();
      if (TRACE_ID.matcher(id).matches()) {
        return id.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return UUID.randomUUID().toString();
  }

  private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
    Map<String, String> first = new HashMap<>();
    parameters.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            first.put(name, values.get(0));
          }
        });
    return first;
  }

  private static Map<String, String> joinedValues(Map<String, List<String>> headers) {
    Map<String, String> joined = new HashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            joined.merge(name, String.join(", ", values), (a, b) -> a + ", " + b);
          }
        });
    return joined;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  private static ProblemException tooLarge(int maxBodyBytes) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
  }
}
