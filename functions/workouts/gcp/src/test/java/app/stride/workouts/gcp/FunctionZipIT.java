package app.stride.workouts.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable as infra uploads it ({@code target/workouts-gcp-function.zip}, built in the
 * package phase): one shaded jar at the root of the zip, holding the entry points and merged Spring
 * metadata, and not one class of the AWS SDK.
 */
class FunctionZipIT {
  private static final Path ZIP = Path.of("target", "workouts-gcp-function.zip");

  private static final List<String> zipEntries = new ArrayList<>();
  private static final Map<String, byte[]> jarEntries = new HashMap<>();

  @BeforeAll
  static void open() throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ZIP))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        zipEntries.add(entry.getName());
        if (entry.getName().endsWith(".jar")) {
          readJar(new ByteArrayInputStream(zip.readAllBytes()));
        }
      }
    }
  }

  private static void readJar(InputStream jar) throws IOException {
    try (ZipInputStream in = new ZipInputStream(jar)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        boolean keepContent = entry.getName().startsWith("META-INF/spring");
        jarEntries.put(entry.getName(), keepContent ? in.readAllBytes() : new byte[0]);
      }
    }
  }

  @Test
  void zip_holdsExactlyOneJar_atItsRoot() {
    assertThat(zipEntries).containsExactly("workouts-gcp.jar");
  }

  @Test
  void jar_holdsTheEntryPointsAndTheirDependencies() {
    assertThat(jarEntries)
        .containsKeys(
            "app/stride/workouts/gcp/WorkoutsHttpFunction.class",
            "app/stride/workouts/gcp/WorkoutsOutboxRelayFunction.class",
            "app/stride/gcp/functions/StrideHttpFunction.class",
            "com/google/cloud/firestore/Firestore.class",
            // token verification: a test-scoped declaration once hid it from the jar
            "com/nimbusds/jose/jwk/JWKSet.class",
            "com/networknt/schema/SchemaRegistry.class",
            "org/springframework/cloud/function/context/FunctionalSpringApplication.class");
  }

  @Test
  void jar_carriesNoAwsSdkClass() {
    assertThat(jarEntries.keySet())
        .noneMatch(name -> name.startsWith("software/amazon/awssdk/"))
        .noneMatch(name -> name.startsWith("com/amazonaws/"));
  }

  @Test
  void jar_leavesTheRuntimeProvidedFunctionsFrameworkApiOut() {
    assertThat(jarEntries.keySet())
        .noneMatch(name -> name.startsWith("com/google/cloud/functions/"));
  }

  @Test
  void jar_mergesSpringFactoriesOfEveryModule() {
    String factories =
        new String(jarEntries.get("META-INF/spring.factories"), StandardCharsets.UTF_8);

    assertThat(factories).contains("ContextFunctionCatalogInitializer");
  }
}
