package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactLocatorTest {

  @TempDir Path root;

  @Test
  void locate_missingFile_givesAbsolutePath_andNoHash() {
    BuiltArtifact artifact = new ArtifactLocator(root).locate("functions/x/target/x.jar");

    assertThat(artifact.path()).isEqualTo(root.resolve("functions/x/target/x.jar").toString());
    assertThat(artifact.sha256Base64()).isEmpty();
    assertThat(artifact.fileName()).isEqualTo("x.jar");
  }

  @Test
  void locate_builtFile_givesTerraformsFilebase64sha256() throws Exception {
    Path jar = root.resolve("target/app.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "hello", StandardCharsets.UTF_8);

    BuiltArtifact artifact = new ArtifactLocator(root).locate("target/app.jar");

    // echo -n hello | sha256sum | xxd -r -p | base64
    assertThat(artifact.sha256Base64()).contains("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
  }

  @Test
  void locate_rejectsAPathEscapingTheRepoRoot() {
    assertThatThrownBy(() -> new ArtifactLocator(root).locate("../elsewhere.jar"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
