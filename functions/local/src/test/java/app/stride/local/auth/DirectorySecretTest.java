package app.stride.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySecretTest {
  @TempDir Path data;

  @Test
  void loadOrCreate_makes32RandomBytesOnce_andKeepsThemOwnerOnly() throws Exception {
    String first = DirectorySecret.loadOrCreate(data);
    String again = DirectorySecret.loadOrCreate(data);

    assertThat(Base64.getDecoder().decode(first)).hasSize(32);
    assertThat(again).isEqualTo(first);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(DirectorySecret.FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void anotherDataFolder_getsAnotherSecret() {
    assertThat(DirectorySecret.loadOrCreate(data.resolve("a")))
        .isNotEqualTo(DirectorySecret.loadOrCreate(data.resolve("b")));
  }
}
