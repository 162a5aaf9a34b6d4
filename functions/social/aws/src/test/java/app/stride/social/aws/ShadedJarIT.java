package app.stride.social.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Checks the deployable itself, {@code target/social-aws-lambda.jar}: what it contains, and that it
 * serves a request when started alone in a fresh JVM the way Lambda starts it ({@code
 * FunctionInvoker}, {@code MAIN_CLASS} and {@code SPRING_CLOUD_FUNCTION_DEFINITION=socialHttp}).
 */
class ShadedJarIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final Path JAR = Path.of("target", "social-aws-lambda.jar");

  @Test
  void jar_holdsTheHandlerAndTheApplication_andNoGoogleCloudClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(name -> name.startsWith("com/google/cloud/"))
          .noneMatch(name -> name.startsWith("io/grpc/"));
      assertThat(
              jar.getEntry("org/springframework/cloud/function/adapter/aws/FunctionInvoker.class"))
          .isNotNull();
      assertThat(jar.getEntry("app/stride/social/aws/SocialAwsApplication.class")).isNotNull();
      assertThat(jar.getEntry("api-specs/mobile-api.json")).isNotNull();
      assertThat(jar.getEntry("api-specs/rate-limits.yaml")).isNotNull();
    }
  }

  @Test
  void jar_createsAGroupInAFreshJvm_andLogsNoToken() throws Exception {
    TestTokens tokens = new TestTokens();
    String token = tokens.accessToken("ana", "eu");
    Path event = Files.createTempFile("create-group", ".json");
    Files.write(
        event,
        LambdaEvents.event(
            "POST",
            "/v1/groups",
            token,
            "{\"name\":\"Fresh JVM Runners\",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Ana\"}}"));
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    JAR + java.io.File.pathSeparator + Path.of("target", "test-classes"),
                    LambdaProbe.class.getName(),
                    event.toString()))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder
        .environment()
        .putAll(
            Map.ofEntries(
                Map.entry("MAIN_CLASS", SocialAwsApplication.class.getName()),
                Map.entry("SPRING_CLOUD_FUNCTION_DEFINITION", "socialHttp"),
                Map.entry("AWS_REGION", DynaliteExtension.REGION),
                Map.entry("STRIDE_REGION", "eu"),
                Map.entry("STRIDE_SOCIAL_TABLE", UniqueNames.uniqueName("stride-social-eu")),
                Map.entry("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString()),
                Map.entry("STRIDE_CREATE_TABLES", "true"),
                Map.entry("STRIDE_LOCAL_MODE", "true"),
                Map.entry("STRIDE_LOCAL_JWKS", tokens.publicJwks()),
                Map.entry("STRIDE_JWT_ISSUER", TestTokens.ISSUER),
                Map.entry("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE),
                Map.entry("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]))));

    Process process = builder.start();
    List<String> output = new ArrayList<>();
    String response = null;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        output.add(line);
        if (line.startsWith("RESPONSE ")) {
          response = line.substring("RESPONSE ".length());
        }
      }
    }

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(response).as("probe output:%n%s", String.join("\n", output)).isNotNull();
    JsonNode answer = Json.mapper().readTree(response);
    assertThat(answer.get("statusCode").asInt()).isEqualTo(201);
    assertThat(Json.mapper().readTree(answer.get("body").asString()).path("groupId").asString())
        .startsWith("eu.g");
    assertThat(output.subList(0, output.size() - 1)).noneMatch(line -> line.contains(token));
  }
}
