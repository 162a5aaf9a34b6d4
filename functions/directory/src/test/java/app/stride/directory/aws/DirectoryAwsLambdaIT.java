package app.stride.directory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.directory.DynamoDirectory;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.http.DirectoryApi;
import app.stride.core.directory.http.DirectoryRequestSigner;
import app.stride.core.directory.http.HttpDirectory;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The deployable end to end: {@link HttpDirectory} → loopback HTTP → a function URL event → the
 * real {@code FunctionInvoker} starting {@link DirectoryAwsApplication} ({@code directoryHttp}) →
 * {@link DirectoryApi} → {@link DynamoDirectory} → dynalite. System properties stand in for the
 * variables infra sets.
 */
class DirectoryAwsLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          DirectoryAwsConfig.TABLE_ENV,
          DynamoDbSettings.ENDPOINT_ENV,
          DirectoryAwsConfig.CREATE_TABLES_ENV,
          HttpDirectory.SECRET_ENV);
  private static final DirectoryKeys KEYS =
      new DirectoryKeys("directory-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8));

  private static byte[] secret;
  private static String table;
  private static FunctionInvoker invoker;
  private static FunctionUrlBridge bridge;
  private static HttpDirectory directory;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void startFunction() throws Exception {
    secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    table = UniqueNames.uniqueName("stride-directory");
    System.setProperty("MAIN_CLASS", DirectoryAwsApplication.class.getName());
    System.setProperty("spring.cloud.function.definition", "directoryHttp");
    System.setProperty(DirectoryAwsConfig.TABLE_ENV, table);
    System.setProperty(DynamoDbSettings.ENDPOINT_ENV, DYNAMO.endpoint().toString());
    System.setProperty(DirectoryAwsConfig.CREATE_TABLES_ENV, "true");
    System.setProperty(HttpDirectory.SECRET_ENV, Base64.getEncoder().encodeToString(secret));
    invoker = new FunctionInvoker();
    bridge = FunctionUrlBridge.serve(invoker);
    // The first call pays the cold start (Spring context, DynamoDB client, table creation), which
    // can exceed the client's 2 s request timeout: warm the function once, as SnapStart would.
    long start = System.nanoTime();
    HttpResponse<String> first = send("GET", DirectoryApi.ENTRIES_PATH + "x", Map.of());
    System.out.printf(
        "directory FunctionInvoker cold start (Spring context + first request, in-JVM): %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(first.statusCode()).isEqualTo(401);
    directory =
        new HttpDirectory(
            bridge.baseUrl(),
            new DirectoryRequestSigner(secret),
            HttpDirectory.defaultClient(),
            Clock.systemUTC());
    dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
  }

  @AfterAll
  static void stop() {
    bridge.close();
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void registerLookUpRemove_throughTheFunctionUrl_onDynamoDb() {
    DirectoryKey ana = KEYS.of("ana@example.com");

    directory.register(ana, RegionId.of("eu"));

    assertThat(directory.homeRegion(ana)).contains(RegionId.of("eu"));
    assertThat(directory.homeRegion(KEYS.of("ANA@EXAMPLE.COM "))).contains(RegionId.of("eu"));
    directory.remove(ana);
    assertThat(directory.homeRegion(ana)).isEmpty();
  }

  @Test
  void register_ofATakenKey_isAConflict_whateverTheRegion() {
    DirectoryKey bob = KEYS.of("bob@example.com");
    directory.register(bob, RegionId.of("us"));

    assertThatThrownBy(() -> directory.register(bob, RegionId.of("apac")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(directory.homeRegion(bob)).contains(RegionId.of("us"));
  }

  @Test
  void storedItems_holdOnlyTheKeyedHashAndTheRegion() {
    directory.register(KEYS.of("chen@example.com"), RegionId.of("apac"));

    List<Map<String, AttributeValue>> items = dynamo.scan(r -> r.tableName(table)).items();

    assertThat(items).isNotEmpty();
    for (Map<String, AttributeValue> item : items) {
      assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "homeRegion");
      assertThat(item.toString()).doesNotContain("@", "example", "chen");
    }
  }

  @Test
  void unsignedOrForgedRequests_areRefusedWith401_andChangeNothing() throws Exception {
    DirectoryKey dora = KEYS.of("dora@example.com");
    directory.register(dora, RegionId.of("eu"));
    String path = DirectoryApi.ENTRIES_PATH + dora.value();
    byte[] forgedSecret = new byte[32];
    DirectoryRequestSigner forger = new DirectoryRequestSigner(forgedSecret);

    HttpResponse<String> unsigned = send("DELETE", path, Map.of());
    HttpResponse<String> forged =
        send("DELETE", path, forger.sign("DELETE", path, new byte[0], Clock.systemUTC().instant()));

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(directory.homeRegion(dora)).contains(RegionId.of("eu"));
  }

  @Test
  void aFunctionUrlEventAsAwsSendsIt_isServed() throws Exception {
    DirectoryKey erin = KEYS.of("erin@example.com");
    directory.register(erin, RegionId.of("us"));
    String path = DirectoryApi.ENTRIES_PATH + erin.value();
    Map<String, String> signature =
        new DirectoryRequestSigner(secret)
            .sign("GET", path, new byte[0], Clock.systemUTC().instant());
    String event;
    try (InputStream in = getClass().getResourceAsStream("/events/function-url-get-entry.json")) {
      event =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${PATH}", path)
              .replace("${TIMESTAMP}", signature.get(DirectoryRequestSigner.TIMESTAMP_HEADER))
              .replace("${SIGNATURE}", signature.get(DirectoryRequestSigner.SIGNATURE_HEADER));
    }

    JsonNode answer = FunctionUrlBridge.invoke(invoker, event.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    assertThat(Json.mapper().readTree(answer.path("body").asString()).path("region").asString())
        .isEqualTo("us");
  }

  private static HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(bridge.baseUrl().resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
