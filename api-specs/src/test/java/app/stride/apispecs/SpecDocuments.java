package app.stride.apispecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test access to the two OpenAPI documents as Jackson trees, with small navigation helpers. */
final class SpecDocuments {

  static final String MOBILE_API = "mobile-api.yaml";
  static final String LOCAL_DEV = "local-dev.yaml";
  static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final Map<String, Supplier<InputStream>> SOURCES =
      Map.of(MOBILE_API, ApiSpecs::mobileApi, LOCAL_DEV, ApiSpecs::localDev);

  private SpecDocuments() {}

  /** Parses one document (by file name) from the classpath, as the gateway would. */
  static JsonNode load(String name) {
    try (InputStream in = SOURCES.get(name).get()) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One operation of a document, with its path, method and JSON pointer. */
  record Operation(String document, String path, String method, JsonNode node) {
    String pointer() {
      return "/paths/" + escape(path) + "/" + method;
    }

    @Override
    public String toString() {
      return document + " " + method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
  }

  static List<Operation> operations(String document) {
    JsonNode root = load(document);
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : HTTP_METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) {
          operations.add(new Operation(document, path.getKey(), method, op));
        }
      }
    }
    return operations;
  }

  /** Follows a local {@code $ref} (within the same document) if the node is one. */
  static JsonNode deref(JsonNode root, JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref") && current.get("$ref").asString().startsWith("#/")) {
      current = root.at(current.get("$ref").asString().substring(1));
    }
    return current;
  }

  /** Escapes one JSON Pointer reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
