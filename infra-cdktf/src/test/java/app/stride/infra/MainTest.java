package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

  @TempDir Path outdir;

  @Test
  void main_writesTheFourStacksAndAManifest_toTheGivenOutdir() throws Exception {
    Main.main(new String[] {outdir.toString()});

    JsonNode manifest = JsonMapper.shared().readTree(outdir.resolve("manifest.json").toFile());
    assertThat(manifest.path("stacks").propertyNames())
        .containsExactlyInAnyOrder(
            "aws-eu-central-1", "aws-us-east-1", "gcp-asia-southeast1", "global");
    for (String stack : manifest.path("stacks").propertyNames()) {
      assertThat(outdir.resolve("stacks").resolve(stack).resolve("cdk.tf.json"))
          .isRegularFile()
          .satisfies(f -> assertThat(Files.size(f)).isPositive());
    }
  }
}
