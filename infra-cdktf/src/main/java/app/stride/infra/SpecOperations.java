package app.stride.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The operations of an OpenAPI document that one function serves ({@code x-stride-function}), as
 * routes: method, path template and whether the caller must present a bearer token. An operation
 * without {@code security} inherits the document's; {@code security: []} makes it public.
 */
public final class SpecOperations {

  /** The spec's extension naming the capability that serves an operation. */
  public static final String FUNCTION = "x-stride-function";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * One operation as a route.
   *
   * @param method the HTTP method, upper case
   * @param path the path template, e.g. {@code /v1/groups/{groupId}}
   * @param operationId the spec's operation id
   * @param bearer whether the spec demands a bearer token
   */
  public record Operation(String method, String path, String operationId, boolean bearer) {

    /** The route key of an HTTP API: {@code GET /v1/me/profile}. */
    public String routeKey() {
      return method + " " + path;
    }
  }

  private SpecOperations() {}

  /** The operations of {@code spec} whose {@code x-stride-function} is {@code function}. */
  public static List<Operation> of(JsonNode spec, String function) {
    boolean bearerByDefault = spec.path("security").size() > 0;
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())
            || !function.equals(op.getValue().path(FUNCTION).asString(""))) {
          continue;
        }
        JsonNode security = op.getValue().path("security");
        operations.add(
            new Operation(
                op.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                op.getValue().path("operationId").asString(""),
                security.isMissingNode() ? bearerByDefault : security.size() > 0));
      }
    }
    return List.copyOf(operations);
  }
}
