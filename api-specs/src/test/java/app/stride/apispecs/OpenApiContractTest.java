package app.stride.apispecs;

import static java.lang.Integer.parseInt;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.SpecDocuments.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Structural rules every operation of both documents keeps; the gateway relies on them. */
class OpenApiContractTest {

  private static final Set<String> FUNCTIONS =
      Set.of("gateway", "profiles", "auth", "social", "workouts", "planner", "devices");
  private static final String PROBLEM_JSON = "application/problem+json";

  static Stream<Operation> operations() {
    return Stream.of(SpecDocuments.MOBILE_API, SpecDocuments.LOCAL_DEV)
        .flatMap(document -> SpecDocuments.operations(document).stream());
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.MOBILE_API, SpecDocuments.LOCAL_DEV})
  void document_isOpenApi31WithTheDefaultJsonSchemaDialect(String document) {
    JsonNode root = SpecDocuments.load(document);

    assertThat(root.path("openapi").asString()).matches("3\\.1\\.\\d+");
    assertThat(root.path("jsonSchemaDialect").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(root.path("info").path("title").asString()).isNotBlank();
    assertThat(root.path("paths").isEmpty()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_hasOperationIdAndKnownFunction(Operation operation) {
    JsonNode op = operation.node();

    assertThat(op.path("operationId").asString()).matches("[a-z][A-Za-z0-9]+");
    assertThat(op.path(ApiSpecs.FUNCTION_EXTENSION).asString()).isIn(FUNCTIONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_answersErrorsAsProblemJson(Operation operation) {
    JsonNode root = SpecDocuments.load(operation.document());
    List<String> errorStatuses = new ArrayList<>();

    for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
      if (!response.getKey().matches("[45]\\d\\d")) {
        continue;
      }
      errorStatuses.add(response.getKey());
      JsonNode content = SpecDocuments.deref(root, response.getValue()).path("content");
      assertThat(content.propertyNames())
          .as("%s %s media types", operation, response.getKey())
          .containsExactly(PROBLEM_JSON);
      assertThat(content.path(PROBLEM_JSON).path("schema").path("$ref").asString())
          .as("%s %s schema", operation, response.getKey())
          .endsWith("#/components/schemas/Problem");
    }
    assertThat(errorStatuses).as("%s error responses", operation).isNotEmpty().contains("500");
  }

  @Test
  void operationIds_areUniqueAcrossDocuments() {
    List<String> ids = operations().map(op -> op.node().path("operationId").asString()).toList();

    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void mobileApi_hasExactlyTheExpectedRoutesAndFunctions() {
    List<String> routes =
        SpecDocuments.operations(SpecDocuments.MOBILE_API).stream()
            .map(op -> op + " -> " + op.node().path(ApiSpecs.FUNCTION_EXTENSION).asString())
            .toList();

    assertThat(routes)
        .containsExactlyInAnyOrder(
            "mobile-api.yaml GET /health -> gateway",
            "mobile-api.yaml GET /v1/me/profile -> profiles",
            "mobile-api.yaml POST /v1/activities/imports -> devices",
            "mobile-api.yaml GET /v1/activities/imports/{importId} -> devices",
            "mobile-api.yaml POST /v1/activities/imports/uploads -> devices",
            "mobile-api.yaml POST /v1/activities/imports/{importId}/upload-complete -> devices",
            "mobile-api.yaml GET /v1/activities/{activityId} -> devices",
            "mobile-api.yaml GET /v1/history -> devices",
            "mobile-api.yaml GET /v1/webhooks/{provider}/{region} -> devices",
            "mobile-api.yaml POST /v1/webhooks/{provider}/{region} -> devices",
            "mobile-api.yaml GET /v1/devices/connections -> devices",
            "mobile-api.yaml POST /v1/devices/connections/{provider}/authorization -> devices",
            "mobile-api.yaml PUT /v1/devices/connections/{provider} -> devices",
            "mobile-api.yaml DELETE /v1/devices/connections/{provider} -> devices",
            "mobile-api.yaml PUT /v1/me/profile -> profiles",
            "mobile-api.yaml PATCH /v1/me/profile -> profiles",
            "mobile-api.yaml DELETE /v1/me/profile -> profiles",
            "mobile-api.yaml POST /v1/auth/register -> auth",
            "mobile-api.yaml POST /v1/auth/verify-email -> auth",
            "mobile-api.yaml POST /v1/auth/login -> auth",
            "mobile-api.yaml POST /v1/auth/mfa/verify -> auth",
            "mobile-api.yaml POST /v1/auth/social/{provider} -> auth",
            "mobile-api.yaml POST /v1/auth/token/refresh -> auth",
            "mobile-api.yaml POST /v1/auth/logout -> auth",
            "mobile-api.yaml POST /v1/auth/logout-all -> auth",
            "mobile-api.yaml GET /.well-known/jwks.json -> auth",
            "mobile-api.yaml POST /v1/auth/password/forgot -> auth",
            "mobile-api.yaml POST /v1/auth/password/reset -> auth",
            "mobile-api.yaml POST /v1/me/password -> auth",
            "mobile-api.yaml POST /v1/me/mfa/totp -> auth",
            "mobile-api.yaml POST /v1/me/mfa/totp/confirm -> auth",
            "mobile-api.yaml POST /v1/me/mfa/totp/disable -> auth",
            "mobile-api.yaml GET /v1/me/account -> auth",
            "mobile-api.yaml POST /v1/me/account/delete -> auth",
            "mobile-api.yaml GET /v1/plans -> planner",
            "mobile-api.yaml GET /v1/plans/{planId} -> planner",
            "mobile-api.yaml POST /v1/me/plans -> planner",
            "mobile-api.yaml GET /v1/me/plans -> planner",
            "mobile-api.yaml GET /v1/me/plans/{myPlanId} -> planner",
            "mobile-api.yaml POST /v1/me/plans/{myPlanId}/pause -> planner",
            "mobile-api.yaml POST /v1/me/plans/{myPlanId}/resume -> planner",
            "mobile-api.yaml POST /v1/me/plans/{myPlanId}/abandon -> planner",
            "mobile-api.yaml PATCH /v1/me/plans/{myPlanId}/sessions/{sessionId} -> planner",
            "mobile-api.yaml GET /v1/me/schedule -> planner",
            "mobile-api.yaml POST /v1/me/calendar-feed -> planner",
            "mobile-api.yaml DELETE /v1/me/calendar-feed -> planner",
            "mobile-api.yaml GET /v1/calendar/{feedToken} -> planner",
            "mobile-api.yaml POST /v1/me/workouts -> workouts",
            "mobile-api.yaml GET /v1/me/workouts -> workouts",
            "mobile-api.yaml GET /v1/me/workouts/{workoutId} -> workouts",
            "mobile-api.yaml PATCH /v1/me/workouts/{workoutId} -> workouts",
            "mobile-api.yaml DELETE /v1/me/workouts/{workoutId} -> workouts",
            "mobile-api.yaml POST /v1/groups -> social",
            "mobile-api.yaml GET /v1/regions/{region}/groups -> social",
            "mobile-api.yaml GET /v1/regions/{region}/me/groups -> social",
            "mobile-api.yaml GET /v1/me/groups -> social",
            "mobile-api.yaml GET /v1/groups/{groupId} -> social",
            "mobile-api.yaml PATCH /v1/groups/{groupId} -> social",
            "mobile-api.yaml POST /v1/groups/{groupId}/members -> social",
            "mobile-api.yaml GET /v1/groups/{groupId}/members -> social",
            "mobile-api.yaml PATCH /v1/groups/{groupId}/members/{userId} -> social",
            "mobile-api.yaml DELETE /v1/groups/{groupId}/members/{userId} -> social",
            "mobile-api.yaml POST /v1/groups/{groupId}/leave -> social",
            "mobile-api.yaml PUT /v1/groups/{groupId}/bans/{userId} -> social",
            "mobile-api.yaml POST /v1/groups/{groupId}/ownership -> social",
            "mobile-api.yaml GET /v1/groups/{groupId}/join-requests -> social",
            "mobile-api.yaml PUT /v1/groups/{groupId}/join-requests/{userId} -> social",
            "mobile-api.yaml POST /v1/groups/{groupId}/invites -> social",
            "mobile-api.yaml POST /v1/invites/{inviteToken}/accept -> social",
            "mobile-api.yaml POST /v1/groups/{groupId}/messages -> social",
            "mobile-api.yaml GET /v1/groups/{groupId}/messages -> social",
            "mobile-api.yaml PATCH /v1/groups/{groupId}/messages/{messageId} -> social",
            "mobile-api.yaml DELETE /v1/groups/{groupId}/messages/{messageId} -> social",
            "mobile-api.yaml PUT /v1/groups/{groupId}/read-marker -> social");
  }

  @Test
  void profileOperations_declareTheirStatuses() {
    Map<String, Set<String>> expected =
        Map.of(
            "get",
            Set.of("200", "401", "404", "421", "429", "500", "503"),
            "put",
            Set.of("200", "201", "400", "401", "412", "413", "415", "421", "429", "500", "503"),
            "patch",
            Set.of("200", "400", "401", "404", "412", "413", "415", "421", "429", "500", "503"),
            "delete",
            Set.of("204", "400", "401", "404", "412", "421", "429", "500", "503"));

    for (Operation op : profileOperations()) {
      assertThat(op.node().path("responses").propertyNames())
          .as(op.toString())
          .containsExactlyInAnyOrderElementsOf(expected.get(op.method()));
    }
  }

  @Test
  void profileOperations_requireBearerJwt_healthDoesNot() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    JsonNode scheme = root.at("/components/securitySchemes/bearerAuth");

    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    for (Operation op : profileOperations()) {
      assertThat(op.node().at("/security/0").has("bearerAuth")).as(op.toString()).isTrue();
    }
    assertThat(root.at("/paths/~1health/get/security").isEmpty()).isTrue();
  }

  @Test
  void profileSuccessResponses_carryAnEtag() {
    for (Operation op : profileOperations()) {
      op.node()
          .path("responses")
          .properties()
          .forEach(
              response -> {
                if (response.getKey().matches("20[01]")) {
                  assertThat(response.getValue().at("/headers/ETag/$ref").asString())
                      .as("%s %s", op, response.getKey())
                      .isEqualTo("#/components/headers/ETag");
                }
              });
    }
  }

  @Test
  void profileWrites_takeTheirDocumentedMediaTypesAndPreconditions() {
    JsonNode profile = SpecDocuments.load(SpecDocuments.MOBILE_API).at("/paths/~1v1~1me~1profile");

    assertThat(profile.at("/put/requestBody/content").propertyNames())
        .containsExactly("application/json");
    assertThat(profile.at("/put/requestBody/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/ProfileInput");
    assertThat(profile.at("/patch/requestBody/content").propertyNames())
        .containsExactly("application/merge-patch+json");
    assertThat(
            profile
                .at("/patch/requestBody/content/application~1merge-patch+json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/ProfilePatch");
    assertThat(refs(profile.at("/put/parameters")))
        .containsExactlyInAnyOrder(
            "#/components/parameters/IfMatch", "#/components/parameters/IfNoneMatchAny");
    assertThat(refs(profile.at("/patch/parameters")))
        .containsExactly("#/components/parameters/IfMatch");
    assertThat(refs(profile.at("/delete/parameters")))
        .containsExactly("#/components/parameters/IfMatch");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ProfileInput",
        "ProfilePatch",
        "Goals",
        "GoalsPatch",
        "TargetEvent",
        "TargetEventPatch",
        "WeeklyVolume",
        "WeeklyVolumePatch",
        "PreferencesInput",
        "PreferencesPatch",
        "RegisterRequest",
        "VerifyEmailRequest",
        "LoginRequest",
        "MfaVerifyRequest",
        "SocialSignInRequest",
        "RefreshTokenRequest",
        "ForgotPasswordRequest",
        "ResetPasswordRequest",
        "ChangePasswordRequest",
        "TotpSetupRequest",
        "TotpConfirmRequest",
        "TotpDisableRequest",
        "DeleteAccountRequest",
        "StartPlanRequest",
        "SessionChange",
        "GroupInput",
        "GroupPatch",
        "JoinInput",
        "PublicCard",
        "RoleChange",
        "OwnershipTransfer",
        "JoinDecision",
        "InviteInput",
        "MessageInput",
        "MessageEdit",
        "ReadMarkerInput",
        "ActivityUploadRequest"
      })
  void inputSchema_refusesUnknownFields(String name) {
    JsonNode schema =
        SpecDocuments.load(SpecDocuments.MOBILE_API).at("/components/schemas/" + name);

    assertThat(schema.path("additionalProperties").isBoolean()).as(name).isTrue();
    assertThat(schema.path("additionalProperties").asBoolean()).as(name).isFalse();
  }

  @Test
  void problemTypes_areStableAndDocumentedInTheDescription() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    List<String> types = new ArrayList<>();
    root.at("/components/schemas/ProblemType/enum").values().forEach(t -> types.add(t.asString()));
    String description = root.at("/info/description").asString();

    assertThat(types)
        .containsExactlyInAnyOrder(
            Stream.of(
                    "malformed-json",
                    "validation-failed",
                    "unauthorized",
                    "wrong-region",
                    "not-found",
                    "precondition-failed",
                    "payload-too-large",
                    "unsupported-media-type",
                    "method-not-allowed",
                    "store-unavailable",
                    "invalid-credentials",
                    "invalid-token",
                    "invalid-code",
                    "social-token-rejected",
                    "weak-password",
                    "email-not-verified",
                    "conflict",
                    "forbidden",
                    "rate-limited",
                    "dependency-unavailable",
                    "internal",
                    "webhook-rejected",
                    "connection-rejected")
                .map(slug -> "https://stride.app/problems/" + slug)
                .toArray(String[]::new));
    assertThat(types).allSatisfy(type -> assertThat(description).contains("`" + type + "`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void problemExamples_carryTheStatusOfTheirResponseAndOfTheirTypeInTheTable(Operation op) {
    JsonNode mobile = SpecDocuments.load(SpecDocuments.MOBILE_API);
    Map<String, Integer> table = new HashMap<>();
    Matcher row =
        Pattern.compile("\\| `(https://stride\\.app/problems/[a-z-]+)` \\| (\\d{3}) \\|")
            .matcher(mobile.at("/info/description").asString());
    while (row.find()) {
      table.put(row.group(1), Integer.parseInt(row.group(2)));
    }
    JsonNode root = SpecDocuments.load(op.document());
    int checked = 0;

    for (Map.Entry<String, JsonNode> response : op.node().path("responses").properties()) {
      JsonNode examples =
          SpecDocuments.deref(root, response.getValue())
              .at("/content/application~1problem+json/examples");
      for (Map.Entry<String, JsonNode> example : examples.properties()) {
        JsonNode value = SpecDocuments.deref(root, example.getValue()).path("value");
        String where = op + " " + response.getKey() + " " + example.getKey();
        assertThat(value.path("status").asInt()).as(where).isEqualTo(parseInt(response.getKey()));
        assertThat(table.get(value.path("type").asString()))
            .as(where)
            .isEqualTo(value.path("status").asInt());
        checked++;
      }
    }
    assertThat(checked).as("%s has problem examples", op).isPositive();
  }

  @Test
  void localDev_mintsTokensAndShowsMailThroughTheGatewayOnly() {
    JsonNode root = SpecDocuments.load(SpecDocuments.LOCAL_DEV);
    List<Operation> operations = SpecDocuments.operations(SpecDocuments.LOCAL_DEV);

    assertThat(operations)
        .extracting(Operation::toString)
        .containsExactlyInAnyOrder(
            "local-dev.yaml POST /dev/tokens", "local-dev.yaml GET /dev/mail");
    assertThat(operations)
        .allSatisfy(
            op ->
                assertThat(op.node().path(ApiSpecs.FUNCTION_EXTENSION).asString())
                    .isEqualTo("gateway"));
    assertThat(root.at("/paths/~1dev~1mail/get/responses").propertyNames())
        .containsExactlyInAnyOrder("200", "400", "500");
    assertThat(root.at("/info/description").asString())
        .contains("only when they run in local mode")
        .contains("never");
    assertThat(root.at("/components/schemas/DevToken/properties/tokenType/const").asString())
        .isEqualTo("Bearer");
  }

  private static List<Operation> profileOperations() {
    return SpecDocuments.operations(SpecDocuments.MOBILE_API).stream()
        .filter(op -> op.path().equals("/v1/me/profile"))
        .toList();
  }

  private static List<String> refs(JsonNode array) {
    List<String> refs = new ArrayList<>();
    array.values().forEach(node -> refs.add(node.path("$ref").asString()));
    return refs;
  }
}
