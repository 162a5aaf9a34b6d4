package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrideRootTest {

  @TempDir Path tmp;

  @Test
  void locate_walksUpFromTheWorkingDirectory() throws Exception {
    Path repo = repoAt(tmp.resolve("repo"));
    Path module = Files.createDirectories(repo.resolve("functions").resolve("profiles"));

    assertThat(StrideRoot.locate(null, module)).isEqualTo(repo);
  }

  @Test
  void locate_prefersTheExplicitProperty() throws Exception {
    Path repo = repoAt(tmp.resolve("explicit"));

    assertThat(StrideRoot.locate(repo.toString(), tmp)).isEqualTo(repo);
  }

  @Test
  void locate_rejectsAPropertyThatIsNotARepository() {
    assertThatThrownBy(() -> StrideRoot.locate(tmp.toString(), tmp))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("stride.root")
        .hasMessageContaining("package.json");
  }

  @Test
  void locate_outsideARepository_explainsHowToFixIt() {
    assertThatThrownBy(() -> StrideRoot.locate(" ", tmp))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("-Dstride.root=");
  }

  private static Path repoAt(Path root) throws Exception {
    Path marker = root.resolve(StrideRoot.MARKER);
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "{}");
    return root;
  }
}
