package app.stride.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the OpenAPI documents under the repository root ({@code api-specs/openapi/}), the single
 * source of routes, for stacks that derive a gateway config from them. Unlike a built artifact, a
 * missing spec fails the synth: a gateway without routes is never what was meant.
 */
public final class ApiSpecs {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final Path repoRoot;

  /** Reads specs under {@code repoRoot}. */
  public ApiSpecs(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** The spec at {@code relativePath} as a tree. */
  public JsonNode read(String relativePath) {
    Path file = repoRoot.resolve(relativePath).normalize();
    if (!file.startsWith(repoRoot)) {
      throw new IllegalArgumentException("spec outside the repo root: " + relativePath);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no OpenAPI document at " + file + " (set -Dstride.root)");
    }
    try {
      return YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
