package app.stride.core.openapi;

import app.stride.core.json.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAPI 3.1 document, read once, with its operations indexed for routing.
 *
 * <p>Stride's specs name the serving capability of each operation in {@code x-stride-function} and
 * may cap a body with {@code x-stride-max-body-bytes}; the default cap is {@value
 * #DEFAULT_MAX_BODY_BYTES} bytes.
 */
public final class OpenApiSpec {
  /** The body size cap when an operation names none. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final String id;
  private final JsonNode document;
  private final List<Operation> operations;
  private final Map<Integer, List<Operation>> bySegments;

  private OpenApiSpec(String id, JsonNode document) {
    this.id = id;
    this.document = document;
    this.operations = index(document);
    // A template matches only paths with as many segments (a parameter never spans a '/'), so
    // routing tries a handful of operations instead of every one.
    this.bySegments =
        operations.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    op -> segments(op.pathTemplate()),
                    java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.toUnmodifiableList()));
  }

  /**
   * Reads a spec from YAML or JSON.
   *
   * @param id a short name used to address the document (e.g. {@code mobile-api})
   */
  public static OpenApiSpec read(String id, InputStream yaml) {
    return of(id, YamlDocuments.readTree(yaml));
  }

  /**
   * Reads a spec from JSON only, with the shared JSON mapper: no YAML parser is loaded, which keeps
   * it off a function's cold start (docs/cold-start.md).
   *
   * @param id a short name used to address the document (e.g. {@code mobile-api})
   */
  public static OpenApiSpec readJson(String id, InputStream json) {
    return of(id, Json.mapper().readTree(json));
  }

  private static OpenApiSpec of(String id, JsonNode doc) {
    String version = doc.path("openapi").asString("");
    if (!version.startsWith("3.1")) {
      throw new IllegalArgumentException("spec " + id + " is not OpenAPI 3.1: " + version);
    }
    return new OpenApiSpec(id, doc);
  }

  /** The short name of this spec. */
  public String id() {
    return id;
  }

  /** The whole document as a JSON tree. */
  public JsonNode document() {
    return document;
  }

  /** The document serialised as JSON. */
  public String documentJson() {
    return Json.mapper().writeValueAsString(document);
  }

  /** Every operation, in document order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The operations whose template matches {@code path}, any method. */
  public List<Operation> operationsAt(String path) {
    return bySegments.getOrDefault(segments(path), List.of()).stream()
        .filter(op -> op.matches(path))
        .toList();
  }

  /** The number of segments of a path, a trailing slash ignored (as the templates allow it). */
  static int segments(String path) {
    int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    return count;
  }

  /** The operation for {@code method} at {@code path}, if the spec has one. */
  public Optional<Operation> find(String method, String path) {
    String upper = method.toUpperCase(Locale.ROOT);
    return operationsAt(path).stream().filter(op -> op.method().equals(upper)).findFirst();
  }

  private static List<Operation> index(JsonNode doc) {
    boolean globalSecurity = doc.path("security").size() > 0;
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode op = entry.getValue();
        JsonNode security = op.get("security");
        boolean secured = security == null ? globalSecurity : hasRequirement(security);
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode content = op.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
          bodies.put(
              media.getKey().toLowerCase(Locale.ROOT),
              "#/paths/"
                  + escape(path.getKey())
                  + "/"
                  + entry.getKey()
                  + "/requestBody/content/"
                  + escape(media.getKey())
                  + "/schema");
        }
        ops.add(
            new Operation(
                entry.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                op.path("operationId").asString(""),
                op.path("x-stride-function").asString(""),
                secured,
                bodies,
                op.path("requestBody").path("required").asBoolean(false),
                op.path("x-stride-max-body-bytes").asInt(DEFAULT_MAX_BODY_BYTES)));
      }
    }
    return List.copyOf(ops);
  }

  private static boolean hasRequirement(JsonNode security) {
    for (JsonNode requirement : security) {
      if (requirement.size() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Escapes a JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
