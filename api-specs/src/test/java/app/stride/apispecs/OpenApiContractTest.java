package app.stride.apispecs;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.SpecDocuments.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Structural rules every operation of both documents keeps; the gateway relies on them. */
class OpenApiContractTest {

  private static final Set<String> FUNCTIONS = Set.of("gateway", "profiles");
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
            "mobile-api.yaml PUT /v1/me/profile -> profiles",
            "mobile-api.yaml PATCH /v1/me/profile -> profiles",
            "mobile-api.yaml DELETE /v1/me/profile -> profiles");
  }

  @Test
  void profileOperations_declareTheirStatuses() {
    Map<String, Set<String>> expected =
        Map.of(
            "get", Set.of("200", "401", "404", "421", "500", "503"),
            "put", Set.of("200", "201", "400", "401", "412", "413", "415", "421", "500", "503"),
            "patch", Set.of("200", "400", "401", "404", "412", "413", "415", "421", "500", "503"),
            "delete", Set.of("204", "400", "401", "404", "412", "421", "500", "503"));

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
        "PreferencesPatch"
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
                    "internal")
                .map(slug -> "https://stride.app/problems/" + slug)
                .toArray(String[]::new));
    assertThat(types).allSatisfy(type -> assertThat(description).contains("`" + type + "`"));
  }

  @Test
  void localDev_mintsTokensThroughTheGatewayOnly() {
    JsonNode root = SpecDocuments.load(SpecDocuments.LOCAL_DEV);
    List<Operation> operations = SpecDocuments.operations(SpecDocuments.LOCAL_DEV);

    assertThat(operations)
        .extracting(Operation::toString)
        .containsExactly("local-dev.yaml POST /dev/tokens");
    assertThat(operations.get(0).node().path(ApiSpecs.FUNCTION_EXTENSION).asString())
        .isEqualTo("gateway");
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
