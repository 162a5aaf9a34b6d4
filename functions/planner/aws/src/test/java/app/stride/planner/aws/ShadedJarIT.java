package app.stride.planner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the deployable {@code target/planner-aws-lambda.jar} carries, and what it never does. */
class ShadedJarIT {
  private static final Path JAR = Path.of("target", "planner-aws-lambda.jar");

  @Test
  void jar_holdsTheHandler_theMainClass_thePlanLibrary_andNoGoogleCloudClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(
              jar.getEntry("org/springframework/cloud/function/adapter/aws/FunctionInvoker.class"))
          .isNotNull();
      assertThat(jar.getEntry("app/stride/planner/aws/PlannerAwsApplication.class")).isNotNull();
      assertThat(jar.getEntry("planner/plans/index.json")).isNotNull();
      assertThat(jar.getEntry("planner/i18n/messages.properties")).isNotNull();
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(name -> name.startsWith("com/google/cloud/"))
          .noneMatch(name -> name.startsWith("io/grpc/"));
    }
  }
}
