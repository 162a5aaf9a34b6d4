package app.stride.apispecs.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Build step of this module (run by {@code exec:java} in {@code process-classes}, never at run
 * time): writes the JSON twin of a YAML spec, so that functions read the spec without a YAML
 * library (docs/cold-start.md). The JSON is the YAML's tree, compact; a test keeps the two equal.
 */
public final class SpecJsonWriter {
  private SpecJsonWriter() {}

  /**
   * Converts each {@code <name>.yaml} argument into {@code <name>.json} in the output directory.
   *
   * @param args the output directory, then the YAML files
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: SpecJsonWriter <output-dir> <spec.yaml>...");
    }
    Path outputDir = Files.createDirectories(Path.of(args[0]));
    YAMLMapper yaml = YAMLMapper.builder().build();
    JsonMapper json = JsonMapper.builder().build();
    for (int i = 1; i < args.length; i++) {
      Path source = Path.of(args[i]);
      JsonNode tree = yaml.readTree(source.toFile());
      String name = source.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".json";
      json.writeValue(outputDir.resolve(name).toFile(), tree);
    }
  }
}
