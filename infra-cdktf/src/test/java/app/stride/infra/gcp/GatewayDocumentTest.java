package app.stride.infra.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.SpecFixtures;
import app.stride.infra.SynthesizedStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GatewayDocumentTest {

  private static final Map<String, String> BACKENDS =
      Map.of(
          "profiles", "https://profiles.example",
          "planner", "https://planner.example",
          "workouts", "https://workouts.example",
          "social", "https://social.example",
          "devices", "https://devices.example",
          "auth", "https://auth.example");

  private final JsonNode spec =
      new ApiSpecs(ArtifactLocator.defaultRepoRoot())
          .read(SynthesizedStacks.config().edge().apiSpec());

  @Test
  void everyDeployedSpecOperation_appearsWithItsFunctionsBackend() {
    JsonNode doc = GatewayDocument.derive(spec, "t", BACKENDS, 15);
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String function = op.getValue().path("x-stride-function").asString("");
                          if (!function.isEmpty() && !function.equals("gateway")) {
                            expected.add(op.getValue().path("operationId").asString());
                            JsonNode derived =
                                doc.path("paths").path(path.getKey()).path(op.getKey());
                            assertThat(derived.path("x-google-backend").asString())
                                .as(op.getValue().path("operationId").asString())
                                .isEqualTo(function);
                          }
                        }));
    actual.addAll(GatewayDocument.operationIds(doc));

    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void document_staysOpenApi3_withOneBackendPerFunction_keepingTheCallersAuthorization() {
    JsonNode doc = GatewayDocument.derive(spec, "t", BACKENDS, 15);
    JsonNode backends = doc.path("x-google-api-management").path("backends");

    assertThat(doc.path("openapi").asString()).isEqualTo(spec.path("openapi").asString());
    assertThat(backends.propertyNames())
        .containsExactlyInAnyOrder("profiles", "planner", "workouts", "social", "devices", "auth");
    assertThat(backends.path("auth").path("address").asString()).isEqualTo("https://auth.example");
    assertThat(backends.path("auth").path("disableAuth").asBoolean()).isTrue();
    assertThat(backends.path("auth").path("pathTranslation").asString())
        .isEqualTo("APPEND_PATH_TO_ADDRESS");
  }

  @Test
  void pathTemplates_declareTheirParameters() {
    JsonNode doc = GatewayDocument.derive(spec, "t", BACKENDS, 15);
    JsonNode social = doc.path("paths").path("/v1/auth/social/{provider}").path("post");

    assertThat(social.path("parameters").get(0).path("name").asString()).isEqualTo("provider");
    assertThat(social.path("parameters").get(0).path("in").asString()).isEqualTo("path");
    assertThat(social.path("parameters").get(0).path("required").asBoolean()).isTrue();
  }

  @Test
  void anOperationWhoseFunctionHasNoBackend_failsTheSynth() {
    assertThatThrownBy(
            () -> GatewayDocument.derive(spec, "t", Map.of("auth", "https://auth.example"), 15))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("profiles");
  }

  @Test
  void publicAndPathParameterOperations_ofTheIssue5Capabilities_comeThrough() {
    JsonNode doc = GatewayDocument.derive(SpecFixtures.capabilities(), "t", BACKENDS, 15);
    JsonNode feed = doc.path("paths").path("/v1/calendar/{feedToken}").path("get");
    JsonNode edit =
        doc.path("paths").path("/v1/groups/{groupId}/messages/{messageId}").path("patch");

    assertThat(feed.path("x-google-backend").asString()).isEqualTo("planner");
    assertThat(feed.path("parameters").get(0).path("name").asString()).isEqualTo("feedToken");
    assertThat(edit.path("x-google-backend").asString()).isEqualTo("social");
    assertThat(edit.path("parameters").values())
        .extracting(p -> p.path("name").asString())
        .containsExactly("groupId", "messageId");
    assertThat(GatewayDocument.operationIds(doc))
        .containsExactlyInAnyOrder(
            "listPlans",
            "getCalendarFeed",
            "listWorkouts",
            "recordWorkout",
            "editMessage",
            "verifyWebhookSubscription",
            "receiveWebhook",
            "importActivity",
            "getProfile",
            "login");
  }
}
