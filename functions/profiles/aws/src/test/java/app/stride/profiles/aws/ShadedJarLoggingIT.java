package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.json.Json;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/**
 * The deployable's logging keeps bearer tokens out of the logs: the shaded jar in a fresh JVM, the
 * real {@code FunctionInvoker} path ({@link ColdStartProbe}), a {@code PUT /v1/me/profile} with a
 * valid token, and everything the JVM writes to stdout and stderr captured. Spring Boot's logging
 * system is off in the jar (levels come from {@code simplelogger.properties}), so this is what
 * proves the AWS adapter's INFO lines, which carry the whole event, stay silent.
 */
class ShadedJarLoggingIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final Path JAR = Path.of("target", "profiles-aws-lambda.jar");
  private static final TestTokens TOKENS = new TestTokens();

  private static String queueUrl;

  @BeforeAll
  static void createQueue() {
    queueUrl =
        SqsClients.client(
                new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())))
            .createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu")))
            .queueUrl();
  }

  @Test
  void bearerToken_neverReachesStdoutOrStderr() throws Exception {
    String token = TOKENS.accessToken("u-" + UUID.randomUUID(), "eu");

    Run run = runPut(token, List.of());

    assertThat(run.status()).as("response of %s", run).isEqualTo(201);
    assertThat(run.stdout() + run.stderr())
        .doesNotContain(token)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1))
        .doesNotContainIgnoringCase("bearer ");
  }

  /**
   * Control: the capture does see the adapter's event log when its level is lowered, so the test
   * above cannot pass merely because nothing is captured.
   */
  @Test
  void capture_seesTheTokenWhenTheAdapterLogsAtInfo() throws Exception {
    String token = TOKENS.accessToken("u-" + UUID.randomUUID(), "eu");

    Run run =
        runPut(
            token, List.of("-Dorg.slf4j.simpleLogger.log.org.springframework.cloud.function=info"));

    assertThat(run.status()).as("response of %s", run).isEqualTo(201);
    assertThat(run.stdout() + run.stderr()).contains(token);
  }

  private record Run(int status, String stdout, String stderr) {}

  private static Run runPut(String token, List<String> jvmFlags) throws Exception {
    Path event = Files.createTempFile("put-profile", ".json");
    Path stdout = Files.createTempFile("probe", ".out");
    Path stderr = Files.createTempFile("probe", ".err");
    try (InputStream in =
        ShadedJarLoggingIT.class.getResourceAsStream("/events/apigw-v2-put-profile.json")) {
      Files.writeString(
          event, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${TOKEN}", token));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp",
            JAR + File.pathSeparator + Path.of("target", "test-classes"),
            ColdStartProbe.class.getName(),
            event.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment());
    Process process = builder.start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(stdout);
    String err = Files.readString(stderr);
    String response =
        out.lines()
            .filter(l -> l.startsWith("RESPONSE "))
            .findFirst()
            .map(l -> l.substring("RESPONSE ".length()))
            .orElseThrow(() -> new AssertionError("no response; stderr:\n" + err));
    try {
      return new Run(Json.mapper().readTree(response).path("statusCode").asInt(), out, err);
    } finally {
      delete(event, stdout, stderr);
    }
  }

  private static Map<String, String> environment() {
    return Map.ofEntries(
        Map.entry("MAIN_CLASS", ProfilesAwsApplication.class.getName()),
        Map.entry("SPRING_CLOUD_FUNCTION_DEFINITION", "profilesHttp"),
        Map.entry("AWS_REGION", DynaliteExtension.REGION),
        Map.entry("STRIDE_REGION", "eu"),
        Map.entry("STRIDE_PROFILES_TABLE", "stride-profiles-eu-logging"),
        Map.entry("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString()),
        Map.entry("STRIDE_CREATE_TABLES", "true"),
        Map.entry("STRIDE_EVENTS_QUEUE_URL", queueUrl),
        Map.entry("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString()),
        Map.entry("STRIDE_LOCAL_MODE", "true"),
        Map.entry("STRIDE_LOCAL_JWKS", TOKENS.publicJwks()),
        Map.entry("STRIDE_JWT_ISSUER", TestTokens.ISSUER),
        Map.entry("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE));
  }

  private static void delete(Path... paths) throws IOException {
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
