package app.stride.core.openapi;

import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a function's response is one the spec declares: a documented status, a documented
 * content type, and a body valid against that content's schema. Used by contract tests and by the
 * local gateway's strict mode, so a function can't drift from its contract unnoticed.
 */
public final class ResponseValidator {
  private final RequestValidator schemas;

  public ResponseValidator(RequestValidator schemas) {
    this.schemas = schemas;
  }

  /** The ways {@code response} breaks the contract of {@code operation}; empty when it conforms. */
  public List<String> violations(Operation operation, ApiResponse response) {
    JsonNode op =
        schemas
            .spec()
            .document()
            .path("paths")
            .path(operation.pathTemplate())
            .path(operation.method().toLowerCase(Locale.ROOT));
    String status = Integer.toString(response.status());
    String key = op.path("responses").has(status) ? status : "default";
    List<String> violations = new ArrayList<>();
    if (!op.path("responses").has(key)) {
      violations.add("status " + status + " is not declared for " + operation.operationId());
      return violations;
    }
    String declaredPointer =
        "#/paths/"
            + OpenApiSpec.escape(operation.pathTemplate())
            + "/"
            + operation.method().toLowerCase(Locale.ROOT)
            + "/responses/"
            + key;
    JsonNode declared = op.path("responses").get(key);
    while (declared.has("$ref")) {
      declaredPointer = declared.get("$ref").asString();
      declared = schemas.spec().document().at(declaredPointer.substring(1));
    }
    JsonNode content = declared.path("content");
    if (response.body().length == 0) {
      if (!content.isEmpty() && response.status() != 204) {
        violations.add("status " + status + " must have a body");
      }
      return violations;
    }
    String mediaType = mediaType(response.header("Content-Type"));
    if (!content.has(mediaType)) {
      violations.add("content type " + mediaType + " is not declared for status " + status);
      return violations;
    }
    String pointer = declaredPointer + "/content/" + OpenApiSpec.escape(mediaType) + "/schema";
    if (!content.path(mediaType).has("schema")) {
      return violations;
    }
    JsonNode body = Json.mapper().readTree(response.body());
    schemas.check(pointer, body).forEach(e -> violations.add(e.pointer() + ": " + e.message()));
    return violations;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
