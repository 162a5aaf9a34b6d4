package app.stride.apispecs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Visits every subschema reachable from a schema of a document: through local {@code $ref}s, {@code
 * properties}, {@code items}, {@code additionalProperties}, the combinators and the conditionals.
 * Each referenced schema is visited once, so recursive schemas terminate.
 */
final class SchemaWalk {

  private static final List<String> SINGLE = List.of("items", "not", "if", "then", "else");
  private static final List<String> ARRAYS = List.of("allOf", "anyOf", "oneOf", "prefixItems");

  /** One visited subschema and where it was reached (the pointer of the way there). */
  record Visited(String location, JsonNode schema) {}

  private final JsonNode root;
  private final Set<String> refsSeen = new HashSet<>();
  private final List<Visited> visited = new ArrayList<>();

  private SchemaWalk(JsonNode root) {
    this.root = root;
  }

  /** Every subschema of {@code schema} (itself included) in document {@code root}. */
  static List<Visited> from(JsonNode root, JsonNode schema, String location) {
    SchemaWalk walk = new SchemaWalk(root);
    walk.visit(schema, location);
    return walk.visited;
  }

  /** Whether the schema admits strings ({@code type: string} or a type list with it). */
  static boolean admitsStrings(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      return type.values().stream().anyMatch(t -> t.asString().equals("string"));
    }
    return type.asString("").equals("string");
  }

  /** Whether the schema describes an object (by {@code type} or by declaring properties). */
  static boolean describesObject(JsonNode schema) {
    return schema.path("type").asString("").equals("object") || schema.has("properties");
  }

  private void visit(JsonNode schema, String location) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    visited.add(new Visited(location, schema));
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local references are walked: " + ref);
      }
      if (refsSeen.add(ref)) {
        visit(root.at(ref.substring(1)), ref);
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      visit(property.getValue(), location + "/properties/" + property.getKey());
    }
    if (schema.path("additionalProperties").isObject()) {
      visit(schema.get("additionalProperties"), location + "/additionalProperties");
    }
    for (String keyword : SINGLE) {
      visit(schema.get(keyword), location + "/" + keyword);
    }
    for (String keyword : ARRAYS) {
      int i = 0;
      for (JsonNode branch : schema.path(keyword).values()) {
        visit(branch, location + "/" + keyword + "/" + i++);
      }
    }
  }
}
