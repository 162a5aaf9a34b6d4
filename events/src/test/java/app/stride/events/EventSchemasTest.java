package app.stride.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.events.EventCatalog.SchemaFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each schema file is a well-formed 2020-12 schema whose id is where it ships. */
class EventSchemasTest {

  static List<SchemaFile> schemas() {
    return EventCatalog.schemas();
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void schema_isValidAgainstTheJsonSchema202012MetaSchema(SchemaFile schema) {
    JsonNode node = EventSchemas.readTree(schema.resource());

    assertThat(EventSchemas.metaSchema().validate(node)).isEmpty();
    assertThat(node.path("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void schema_idAndDataschemaNameTheShippedLocation(SchemaFile schema) {
    JsonNode node = EventSchemas.readTree(schema.resource());
    String id = "https://stride.app/" + schema.resource();

    assertThat(node.path("$id").asString()).isEqualTo(id);
    assertThat(node.at("/properties/dataschema/const").asString()).isEqualTo(id);
    assertThat(node.path("title").asString()).matches("[A-Z][A-Za-z0-9]+");
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void schema_isAStrictCloudEventsEnvelope(SchemaFile schema) {
    JsonNode node = EventSchemas.readTree(schema.resource());

    assertThat(node.at("/properties/specversion/const").asString()).isEqualTo("1.0");
    assertThat(node.at("/properties/type/const").asString())
        .matches("app\\.stride\\.[a-z.]+\\.v\\d+\\.[a-z]+");
    assertThat(node.path("required").toString())
        .contains("\"specversion\"", "\"id\"", "\"source\"", "\"type\"", "\"data\"");
    String dataRef = node.at("/properties/data/$ref").asString();
    assertThat(dataRef).startsWith("#/$defs/");
    JsonNode data = node.at(dataRef.substring(1));
    assertThat(data.path("additionalProperties").asBoolean(true)).isFalse();
  }
}
