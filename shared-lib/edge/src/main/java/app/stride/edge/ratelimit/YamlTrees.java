package app.stride.edge.ratelimit;

import java.io.InputStream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML reader of {@link RateLimitConfig#readYaml}, in a class of its own so that the JSON path
 * never loads a YAML class (cold start). Duplicate keys are refused.
 */
final class YamlTrees {
  private YamlTrees() {}

  static JsonNode read(InputStream yaml) {
    return YAMLMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build()
        .readTree(yaml);
  }
}
