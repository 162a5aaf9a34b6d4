package app.stride.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads event schemas from the classpath as the build validates them: 2020-12, formats asserted.
 */
public final class EventSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private EventSchemas() {}

  /** The compiled schema at a classpath resource, e.g. {@code events/schemas/profile/v1/...}. */
  public static Schema load(String resource) {
    return REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource));
  }

  /** A schema compiled from a literal, for checking the test harness itself. */
  public static Schema fromText(String schemaJson) {
    return REGISTRY.getSchema(JSON.readTree(schemaJson));
  }

  /** The official 2020-12 meta-schema, to check that each event schema is itself well formed. */
  public static Schema metaSchema() {
    return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
  }

  /** Parses a classpath JSON resource. */
  public static JsonNode readTree(String resource) {
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such classpath resource: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
