package app.stride.planner.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Cloud Functions source archive {@code target/planner-gcp-function.zip}: one shaded jar at its
 * root, holding the entry point and the plan library, and no AWS SDK class.
 */
class FunctionZipIT {
  private static final Path ZIP = Path.of("target", "planner-gcp-function.zip");

  @Test
  void zip_holdsOneJar_withTheEntryPointAndNoAwsClass() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("planner-gcp.jar");
      Path jar = Files.createTempFile("planner-gcp", ".jar");
      try (var in = zip.getInputStream(zip.getEntry("planner-gcp.jar"))) {
        Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          names.add(e.getName());
        }
      } finally {
        Files.deleteIfExists(jar);
      }
    }
    assertThat(names)
        .contains(
            "app/stride/planner/gcp/PlannerHttpFunction.class",
            "planner/plans/index.json",
            "planner/i18n/messages.properties")
        .noneMatch(name -> name.startsWith("software/amazon/awssdk/"));
  }
}
