package app.stride.bench.coldstart.plain;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.bench.coldstart.setup.TokenMint;
import app.stride.testkit.junit.DynaliteExtension;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plain handler against a real dynalite: the baseline must do the work it is credited for. */
class PlainProfileHandlerIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final String ISSUER = "https://auth.eu.stride.app";
  private static final String AUDIENCE = "stride-mobile-api";
  private static final String TABLE = "stride-profiles-eu";
  private static final TokenMint MINT = TokenMint.generate(ISSUER, AUDIENCE);

  private final PlainProfileHandler handler = new PlainProfileHandler(env());

  @BeforeAll
  static void storeAnasProfile() {
    DynamoDbTable<ProfileRow> table =
        DynamoDbEnhancedClient.builder()
            .dynamoDbClient(client())
            .build()
            .table(TABLE, TableSchema.fromBean(ProfileRow.class));
    table.createTable();
    // dynalite answers CreateTable while the table is still CREATING, and refuses puts until ACTIVE
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client())
            .overrideConfiguration(
                config ->
                    config
                        .backoffStrategyV2(
                            BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50)))
                        .waitTimeout(Duration.ofSeconds(10)))
            .build()) {
      waiter.waitUntilTableExists(request -> request.tableName(TABLE));
    }
    table.putItem(anaRow());
  }

  @Test
  void validToken_answers200_withTheStoredProfileAsJson_andItsEntityTag() {
    APIGatewayV2HTTPResponse response = get(MINT.accessToken("ana", "eu", Instant.now(), hour()));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("ETag", "\"3\"");
    JsonNode body = JsonMapper.builder().build().readTree(response.getBody());
    assertThat(body.path("userId").asString()).isEqualTo("ana");
    assertThat(body.path("displayName").asString()).isEqualTo("Ana Runner");
    assertThat(body.path("sex").asString()).isEqualTo("female");
    assertThat(body.path("goals").path("targetEvent").path("date").asString())
        .isEqualTo("2027-09-26");
    assertThat(body.path("preferences").path("sports").toString())
        .isEqualTo("[\"running\",\"yoga\"]");
    assertThat(body.path("updatedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
  }

  @Test
  void tokenSignedByAnotherKey_answers401() {
    TokenMint stranger = TokenMint.generate(ISSUER, AUDIENCE);

    APIGatewayV2HTTPResponse response =
        get(stranger.accessToken("ana", "eu", Instant.now(), hour()));

    assertThat(response.getStatusCode()).isEqualTo(401);
  }

  @Test
  void expiredToken_answers401() {
    Instant longAgo = Instant.now().minus(Duration.ofDays(1));

    APIGatewayV2HTTPResponse response = get(MINT.accessToken("ana", "eu", longAgo, hour()));

    assertThat(response.getStatusCode()).isEqualTo(401);
  }

  @Test
  void callerWithoutProfile_answers404() {
    APIGatewayV2HTTPResponse response = get(MINT.accessToken("bob", "eu", Instant.now(), hour()));

    assertThat(response.getStatusCode()).isEqualTo(404);
  }

  @Test
  void callerHomedInAnotherRegion_answers421_withoutReadingTheStore() {
    APIGatewayV2HTTPResponse response = get(MINT.accessToken("ana", "us", Instant.now(), hour()));

    assertThat(response.getStatusCode()).isEqualTo(421);
  }

  private APIGatewayV2HTTPResponse get(String token) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRawPath("/v1/me/profile")
            .withHeaders(Map.of("authorization", "Bearer " + token))
            .build();
    return handler.handleRequest(event, null);
  }

  private static Duration hour() {
    return Duration.ofHours(1);
  }

  private static ProfileRow anaRow() {
    TargetEventRow berlin = new TargetEventRow();
    berlin.setName("Berlin Marathon");
    berlin.setDate(LocalDate.parse("2027-09-26"));
    berlin.setDistanceM(42195.0);
    GoalsRow goals = new GoalsRow();
    goals.setText("Sub-4 marathon");
    goals.setTargetEvent(berlin);
    PreferencesRow preferences = new PreferencesRow();
    preferences.setUnits("METRIC");
    preferences.setLanguage("pt-BR");
    preferences.setSports(List.of("RUNNING", "YOGA"));
    preferences.setActivityPrivacy("FOLLOWERS");
    ProfileRow row = new ProfileRow();
    row.setPk(ProfileRow.partitionOf("ana"));
    row.setSk(ProfileRow.PROFILE_SK);
    row.setUserId("ana");
    row.setDisplayName("Ana Runner");
    row.setSex("FEMALE");
    row.setGoals(goals);
    row.setPreferences(preferences);
    row.setVersion(3L);
    row.setUpdatedAt(Instant.parse("2026-11-26T10:00:00Z"));
    return row;
  }

  private static Map<String, String> env() {
    return Map.of(
        "STRIDE_LOCAL_JWKS",
        MINT.publicJwks(),
        "STRIDE_JWT_ISSUER",
        ISSUER,
        "STRIDE_JWT_AUDIENCE",
        AUDIENCE,
        "STRIDE_REGION",
        "eu",
        "STRIDE_PROFILES_TABLE",
        TABLE,
        "AWS_REGION",
        DynaliteExtension.REGION,
        "STRIDE_DYNAMODB_ENDPOINT",
        DYNAMO.endpoint().toString());
  }

  private static DynamoDbClient client() {
    return DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(DynaliteExtension.REGION))
        .endpointOverride(URI.create(DYNAMO.endpoint().toString()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }
}
