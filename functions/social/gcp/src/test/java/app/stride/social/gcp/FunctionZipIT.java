package app.stride.social.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable as infra uploads it ({@code target/social-gcp-function.zip}): one shaded jar at
 * the root, holding the entry points (HTTP and data eraser) and their dependencies, and no class of
 * the AWS SDK.
 */
class FunctionZipIT {
  private static final Path ZIP = Path.of("target", "social-gcp-function.zip");

  private static final List<String> zipEntries = new ArrayList<>();
  private static final Set<String> jarEntries = new HashSet<>();

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
        jarEntries.add(entry.getName());
      }
    }
  }

  @Test
  void zip_holdsExactlyOneJar_atItsRoot() {
    assertThat(zipEntries).containsExactly("social-gcp.jar");
  }

  @Test
  void jar_holdsTheEntryPointsAndTheirDependencies() {
    assertThat(jarEntries)
        .contains(
            "app/stride/social/gcp/SocialHttpFunction.class",
            "app/stride/social/gcp/SocialUserEraserFunction.class",
            "app/stride/gcp/functions/StridePubSubPushFunction.class",
            "app/stride/social/gcp/realtime/ChatServer.class",
            "org/java_websocket/server/WebSocketServer.class",
            "app/stride/gcp/functions/StrideHttpFunction.class",
            "com/google/cloud/firestore/Firestore.class",
            "com/nimbusds/jose/jwk/JWKSet.class",
            "api-specs/mobile-api.json",
            "api-specs/rate-limits.yaml");
  }

  @Test
  void jar_carriesNoAwsSdkClass() {
    assertThat(jarEntries)
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("software/amazon/awssdk/"))
        .noneMatch(name -> name.startsWith("com/amazonaws/"));
  }
}
