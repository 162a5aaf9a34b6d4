package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.profiles.aws.adapter.out.dynamodb.DynamoProfileStore;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * Checks the deployable itself, {@code target/profiles-aws-lambda.jar}: what it contains, and that
 * it serves a request when started alone in a fresh JVM the way Lambda starts it (handler {@code
 * FunctionInvoker}, {@code MAIN_CLASS} and {@code SPRING_CLOUD_FUNCTION_DEFINITION} as environment
 * variables).
 */
class ShadedJarIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final Path JAR = Path.of("target", "profiles-aws-lambda.jar");

  @Test
  void jar_carriesNoGoogleCloudClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .isNotEmpty()
          .noneMatch(name -> name.startsWith("com/google/cloud/"))
          .noneMatch(name -> name.startsWith("com/google/api/"))
          .noneMatch(name -> name.startsWith("io/grpc/"));
    }
  }

  @Test
  void jar_holdsTheHandlerTheMainClassAndMergedSpringFactories() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(
              jar.getEntry("org/springframework/cloud/function/adapter/aws/FunctionInvoker.class"))
          .isNotNull();
      assertThat(jar.getEntry("app/stride/profiles/aws/ProfilesAwsApplication.class")).isNotNull();
      assertThat(jar.getEntry("application.properties")).isNotNull();
      Properties factories = new Properties();
      try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/spring.factories"))) {
        factories.load(in);
      }
      assertThat(factories.getProperty("org.springframework.context.ApplicationContextInitializer"))
          .contains("ContextFunctionCatalogInitializer")
          .contains("ContextIdApplicationContextInitializer");
      assertThat(factories.getProperty("org.springframework.boot.env.PropertySourceLoader"))
          .contains("PropertiesPropertySourceLoader");
    }
  }

  @Test
  void jar_servesAPutInAFreshJvm() throws Exception {
    JsonNode answer = putInAFreshJvm(Map.of(), true);

    assertThat(answer.get("statusCode").asInt()).isEqualTo(201);
    assertThat(answer.get("headers").get("ETag").asString()).isEqualTo("\"1\"");
  }

  /**
   * Deployed, the function signs in to ElastiCache with IAM: the mechanism is found by name through
   * {@code ServiceLoader}, so the jar must carry shared-aws' service file (the shade plugin merges
   * them). Here the named cache does not answer (nothing listens on its port): the function starts,
   * finds the mechanism, falls back to in-process buckets and serves the put.
   */
  @Test
  void jar_findsTheElastiCacheSignInByName_andServesOnInProcessBucketsWhenTheCacheIsDown()
      throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile());
        InputStream in =
            jar.getInputStream(
                jar.getEntry("META-INF/services/app.stride.edge.redis.RedisAuthMechanism"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("app.stride.aws.redis.ElastiCacheIamAuth");
    }
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    JsonNode answer =
        putInAFreshJvm(
            Map.of(
                "STRIDE_REDIS_URL", "rediss://127.0.0.1:" + closedPort,
                "STRIDE_REDIS_AUTH", "elasticache-iam",
                "STRIDE_REDIS_USER", "stride-http-eu",
                "STRIDE_REDIS_CACHE_NAME", "stride-cache-eu"),
            false);

    assertThat(answer.get("statusCode").asInt()).isEqualTo(201);
  }

  private JsonNode putInAFreshJvm(Map<String, String> extraEnv, boolean reportColdStart)
      throws Exception {
    String table = UniqueNames.uniqueName("stride-profiles-eu");
    DynamoDbClient dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    LocalTables.createIfMissing(
        new DynamoProfileStore(
                DynamoDbClients.enhanced(dynamo), table, RegionId.of("eu"), Clock.systemUTC())
            .table(),
        dynamo);
    String queueUrl =
        SqsClients.client(
                new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())))
            .createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu")))
            .queueUrl();
    TestTokens tokens = new TestTokens();
    Path event = Files.createTempFile("put-profile", ".json");
    try (InputStream in = getClass().getResourceAsStream("/events/apigw-v2-put-profile.json")) {
      Files.writeString(
          event,
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${TOKEN}", tokens.accessToken("u-" + UUID.randomUUID(), "eu")));
    }

    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    JAR + java.io.File.pathSeparator + Path.of("target", "test-classes"),
                    ColdStartProbe.class.getName(),
                    event.toString()))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder
        .environment()
        .putAll(
            Map.ofEntries(
                Map.entry("MAIN_CLASS", ProfilesAwsApplication.class.getName()),
                Map.entry("SPRING_CLOUD_FUNCTION_DEFINITION", "profilesHttp"),
                Map.entry("AWS_REGION", DynaliteExtension.REGION),
                Map.entry("STRIDE_REGION", "eu"),
                Map.entry("STRIDE_PROFILES_TABLE", table),
                Map.entry("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString()),
                Map.entry("STRIDE_EVENTS_QUEUE_URL", queueUrl),
                Map.entry("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString()),
                Map.entry("STRIDE_LOCAL_MODE", "true"),
                Map.entry("STRIDE_LOCAL_JWKS", tokens.publicJwks()),
                Map.entry("STRIDE_JWT_ISSUER", TestTokens.ISSUER),
                Map.entry("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE)));
    builder.environment().putAll(extraEnv);

    long spawned = System.nanoTime();
    Process process = builder.start();
    List<String> output = new ArrayList<>();
    String response = null;
    long answeredMs = -1;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        output.add(line);
        if (line.startsWith("RESPONSE ")) {
          answeredMs = (System.nanoTime() - spawned) / 1_000_000;
          response = line.substring("RESPONSE ".length());
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(response).as("probe output:%n%s", String.join("\n", output)).isNotNull();
    if (reportColdStart) {
      output.stream().filter(l -> l.startsWith("TIMING")).forEach(System.out::println);
      System.out.println(
          "profiles-aws-lambda.jar cold start, process spawn to response (C1 only): "
              + answeredMs
              + " ms");
    }
    assertThat(output).noneMatch(line -> line.contains(tokens.publicJwks()));
    assertThat(output).noneMatch(line -> line.contains("Bearer ey"));
    return Json.mapper().readTree(response);
  }
}
