package app.stride.infra.gcp;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives a GCP API Gateway config from the project's OpenAPI document. API Gateway accepts OpenAPI
 * 2.0, 3.0.x and 3.1.x; the spec is 3.1, so no conversion to 2.0 is needed, only the gateway's
 * OpenAPI 3.x extensions: a root {@value #MANAGEMENT} naming one backend per function, and on each
 * operation {@value #BACKEND} naming its backend.
 *
 * <p>The derived document keeps what routing needs: every operation's path, method, {@code
 * operationId} and path parameters. Bodies, schemas and security stay out: the edge layer inside
 * the function validates requests and verifies tokens against the full spec. Backends keep the
 * caller's {@code Authorization} header ({@code disableAuth}), which the function verifies.
 * Operations answered by the local gateway itself ({@code x-stride-function: gateway}) have no
 * deployed function and are left out; an operation whose function has no backend in the region
 * fails the synth.
 */
public final class GatewayDocument {

  /** Root extension naming the backends. */
  public static final String MANAGEMENT = "x-google-api-management";

  /** Operation extension naming the operation's backend. */
  public static final String BACKEND = "x-google-backend";

  /** The spec's extension naming the capability that serves an operation. */
  public static final String FUNCTION = "x-stride-function";

  /** Operations with this function are answered by the local gateway and not deployed. */
  public static final String GATEWAY_ANSWERED = "gateway";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private GatewayDocument() {}

  /**
   * The gateway document for {@code spec}.
   *
   * @param backends function ({@code x-stride-function}) to its base URL; the request path is
   *     appended to it
   * @param deadlineSeconds how long the gateway waits for a function
   */
  public static ObjectNode derive(
      JsonNode spec, String title, Map<String, String> backends, double deadlineSeconds) {
    JsonMapper json = JsonMapper.shared();
    ObjectNode doc = json.createObjectNode();
    doc.put("openapi", spec.path("openapi").asString());
    doc.putObject("info")
        .put("title", title)
        .put("version", spec.path("info").path("version").asString());
    ObjectNode backendNodes = doc.putObject(MANAGEMENT).putObject("backends");
    backends.forEach(
        (function, address) ->
            backendNodes
                .putObject(function)
                .put("address", address)
                .put("disableAuth", true)
                .put("pathTranslation", "APPEND_PATH_TO_ADDRESS")
                .put("deadline", deadlineSeconds));
    ObjectNode paths = doc.putObject("paths");
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String function = op.getValue().path(FUNCTION).asString("");
        if (function.equals(GATEWAY_ANSWERED)) {
          continue;
        }
        if (!backends.containsKey(function)) {
          throw new IllegalStateException(
              "no backend for "
                  + op.getValue().path("operationId").asString()
                  + " ("
                  + FUNCTION
                  + ": "
                  + function
                  + ")");
        }
        ObjectNode operation =
            paths.has(path.getKey())
                ? (ObjectNode) paths.get(path.getKey())
                : paths.putObject(path.getKey());
        operation.set(op.getKey(), operation(path.getKey(), op.getValue(), function));
      }
    }
    return doc;
  }

  private static ObjectNode operation(String path, JsonNode source, String function) {
    ObjectNode op = JsonMapper.shared().createObjectNode();
    op.put("operationId", source.path("operationId").asString());
    op.put(BACKEND, function);
    List<String> names = pathParameters(path);
    if (!names.isEmpty()) {
      ArrayNode parameters = op.putArray("parameters");
      for (String name : names) {
        parameters
            .addObject()
            .put("name", name)
            .put("in", "path")
            .put("required", true)
            .putObject("schema")
            .put("type", "string");
      }
    }
    op.putObject("responses").putObject("default").put("description", "Answered by " + function);
    return op;
  }

  private static List<String> pathParameters(String path) {
    Matcher m = PATH_PARAMETER.matcher(path);
    return m.results().map(r -> r.group(1)).toList();
  }

  /** The operation ids of a derived (or source) document, in document order. */
  public static List<String> operationIds(JsonNode doc) {
    java.util.ArrayList<String> ids = new java.util.ArrayList<>();
    for (Iterator<JsonNode> it = doc.path("paths").values().iterator(); it.hasNext(); ) {
      for (Map.Entry<String, JsonNode> op : it.next().properties()) {
        if (METHODS.contains(op.getKey())) {
          ids.add(op.getValue().path("operationId").asString());
        }
      }
    }
    return ids;
  }
}
