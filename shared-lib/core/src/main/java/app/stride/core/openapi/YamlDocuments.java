package app.stride.core.openapi;

import java.io.InputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML reader of {@link OpenApiSpec#read}, in a class of its own so that the JSON path ({@link
 * OpenApiSpec#readJson}) never loads a YAML class.
 */
final class YamlDocuments {
  private YamlDocuments() {}

  static JsonNode readTree(InputStream yamlOrJson) {
    return YAMLMapper.builder().build().readTree(yamlOrJson);
  }
}
