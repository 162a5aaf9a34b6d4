package app.stride.infra;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** OpenAPI fixtures under {@code src/test/resources/spec}. */
public final class SpecFixtures {

  /** The fixture with operations of every issue 5 capability, one of them public. */
  public static final Path CAPABILITIES =
      Path.of("src/test/resources/spec/capabilities-fixture.yaml");

  private SpecFixtures() {}

  /** The {@link #CAPABILITIES} fixture as a tree. */
  public static JsonNode capabilities() {
    return YAMLMapper.builder().build().readTree(CAPABILITIES.toFile());
  }
}
