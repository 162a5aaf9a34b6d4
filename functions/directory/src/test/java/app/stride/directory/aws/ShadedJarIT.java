package app.stride.directory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the deployable {@code target/directory-aws-lambda.jar} carries, and what it must not. */
class ShadedJarIT {
  private static final Path JAR = Path.of("target", "directory-aws-lambda.jar");

  @Test
  void jar_carriesNoGoogleCloudClass() throws IOException {
    assertThat(entries())
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("com/google/cloud/"))
        .noneMatch(name -> name.startsWith("com/google/api/"))
        .noneMatch(name -> name.startsWith("io/grpc/"));
  }

  @Test
  void jar_holdsTheHandlerTheMainClassAndTheDirectoryOnly() throws IOException {
    assertThat(entries())
        .contains(
            "org/springframework/cloud/function/adapter/aws/FunctionInvoker.class",
            "app/stride/directory/aws/DirectoryAwsApplication.class",
            "app/stride/core/directory/http/DirectoryApi.class",
            "app/stride/aws/directory/DynamoDirectory.class",
            "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class",
            "application.properties",
            "simplelogger.properties",
            "META-INF/spring.factories")
        .noneMatch(name -> name.startsWith("app/stride/profiles/"))
        .noneMatch(name -> name.startsWith("app/stride/auth/"))
        .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache"))
        .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/nio/netty"));
  }

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(e -> e.getName()).toList();
    }
  }
}
