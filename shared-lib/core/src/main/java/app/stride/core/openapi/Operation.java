package app.stride.core.openapi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the spec.
 *
 * @param method upper-case HTTP method
 * @param pathTemplate the spec's path, e.g. {@code /v1/me/profile}
 * @param operationId the spec's operationId
 * @param function the {@code x-stride-function} that serves it
 * @param secured whether a bearer token is required
 * @param bodySchemas JSON pointer (into the spec) of the request schema, per accepted media type
 * @param bodyRequired whether a request body is required
 * @param maxBodyBytes the largest body accepted
 */
public record Operation(
    String method,
    String pathTemplate,
    String operationId,
    String function,
    boolean secured,
    Map<String, String> bodySchemas,
    boolean bodyRequired,
    int maxBodyBytes) {

  public Operation {
    bodySchemas = Map.copyOf(bodySchemas);
  }

  /** The media types the body may have; empty when the operation takes no body. */
  public Set<String> mediaTypes() {
    return bodySchemas.keySet();
  }

  /** Whether {@code path} matches this operation's template. */
  public boolean matches(String path) {
    return pattern(pathTemplate).matcher(path).matches();
  }

  /**
   * The compiled pattern of a path template, compiled once: every request is routed, several times
   * through the edge (validation, rate-limit class, request log), and compiling per call cost more
   * than half the edge layer's CPU (measured with JFR on bench/edge-load --layer). Templates come
   * from the specs only, so the cache holds at most one entry per path of the specs.
   */
  static Pattern pattern(String template) {
    return PATTERNS.computeIfAbsent(template, Operation::compile);
  }

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

  private static Pattern compile(String template) {
    StringBuilder regex = new StringBuilder("^");
    Matcher params = PARAMETER.matcher(template);
    int last = 0;
    while (params.find()) {
      regex.append(Pattern.quote(template.substring(last, params.start()))).append("[^/]+");
      last = params.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?$");
    return Pattern.compile(regex.toString());
  }
}
