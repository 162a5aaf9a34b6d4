package app.stride.apispecs;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON instances against schemas inside the OpenAPI documents (JSON Schema 2020-12,
 * format assertions on). Both documents are registered under sibling IRIs, so {@code
 * #/components/...} and the relative {@code mobile-api.yaml#/...} references resolve as they do on
 * the classpath.
 */
final class SpecSchemas {

  static final String BASE = "https://stride.app/api-specs/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistry registry;

  SpecSchemas() {
    Map<String, String> documents =
        Map.of(
            BASE + SpecDocuments.MOBILE_API, toJson(SpecDocuments.MOBILE_API),
            BASE + SpecDocuments.LOCAL_DEV, toJson(SpecDocuments.LOCAL_DEV));
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemas(documents)
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The schema at a JSON pointer of a document, e.g. {@code /components/schemas/Profile}. */
  Schema schema(String document, String pointer) {
    return registry.getSchema(SchemaLocation.of(BASE + document + "#" + pointer));
  }

  /** The schema named {@code name} in the mobile API's components. */
  Schema component(String name) {
    return schema(SpecDocuments.MOBILE_API, "/components/schemas/" + name);
  }

  List<Error> validate(String document, String pointer, JsonNode instance) {
    return schema(document, pointer).validate(instance);
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static String toJson(String document) {
    return JSON.writeValueAsString(SpecDocuments.load(document));
  }
}
