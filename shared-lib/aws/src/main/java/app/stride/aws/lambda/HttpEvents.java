package app.stride.aws.lambda;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates API Gateway HTTP API (payload format 2.0) events to the neutral HTTP records and back.
 *
 * <p>Requests: base64 bodies are decoded; header names fold case-insensitively (repeated names
 * joined with {@code ", "}); the {@code cookies} array that the gateway splits off is folded back
 * into one {@code Cookie} header; query parameters come from the raw query string (first value of
 * each); the request id and source IP come from the request context. Responses: {@code Set-Cookie}
 * goes to {@code cookies}; a body is sent as text only when its media type is textual and it is
 * valid UTF-8, otherwise base64.
 */
public final class HttpEvents {
  private HttpEvents() {}

  /** The neutral request of an HTTP API v2 event. */
  public static ApiRequest toApiRequest(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
    String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
    String path =
        event.getRawPath() != null ? event.getRawPath() : http == null ? "/" : http.getPath();
    return new ApiRequest(
        method,
        path,
        query(event.getRawQueryString(), event.getQueryStringParameters()),
        headers(event.getHeaders(), event.getCookies()),
        body(event.getBody(), event.getIsBase64Encoded()),
        http == null ? null : http.getSourceIp(),
        context == null ? null : context.getRequestId());
  }

  /** The HTTP API v2 response of a neutral response. */
  public static APIGatewayV2HTTPResponse toResponse(ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    response
        .headers()
        .forEach(
            (name, value) -> {
              if (name.equalsIgnoreCase("Set-Cookie")) {
                cookies.add(value);
              } else {
                headers.put(name, value);
              }
            });
    byte[] body = response.body();
    String text = body.length == 0 ? "" : asText(response.header("Content-Type"), body);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(headers)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withBody(text != null ? text : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(text == null)
        .build();
  }

  static Map<String, String> headers(Map<String, String> raw, List<String> cookies) {
    Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (raw != null) {
      raw.forEach(
          (name, value) -> folded.merge(name, value == null ? "" : value, HttpEvents::join));
    }
    if (cookies != null && !cookies.isEmpty()) {
      folded.merge("Cookie", String.join("; ", cookies), (a, b) -> a + "; " + b);
    }
    return folded;
  }

  private static String join(String a, String b) {
    return a + ", " + b;
  }

  static Map<String, String> query(String rawQuery, Map<String, String> parsed) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parsed == null ? Map.of() : parsed;
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part; // a malformed escape is left as sent; validation reports it
    }
  }

  static byte[] body(String body, boolean base64) {
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }

  /** The body as text when it is textual and valid UTF-8, else null (send as base64). */
  private static String asText(String contentType, byte[] body) {
    if (contentType == null || !isTextual(contentType.toLowerCase(Locale.ROOT))) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isTextual(String contentType) {
    String type = contentType.split(";", 2)[0].trim();
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded");
  }
}
