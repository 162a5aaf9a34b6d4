package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.aws.AuthRoutes;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routes follow the spec whatever it holds: the stacks synthesized from the fixture spec ({@code
 * spec/capabilities-fixture.yaml}, with a public calendar feed and path-parameter routes) route
 * exactly its operations, the public one without an authorizer on AWS, and every one of them
 * through the GCP API Gateway to its capability's function. One synth of {@code eu} and {@code
 * apac}.
 */
class FixtureSpecRoutesTest {

  private static TfStack eu;
  private static TfStack apac;

  @BeforeAll
  static void synthesizeFromTheFixtureSpec() throws IOException {
    Path root = Files.createTempDirectory("stride-fixture-root");
    Path spec = root.resolve(SynthesizedStacks.config().edge().apiSpec());
    Files.createDirectories(spec.getParent());
    Files.copy(SpecFixtures.CAPABILITIES, spec);
    App app = Testing.app();
    Map<String, TerraformStack> stacks =
        StrideStacks.addAll(
            app, SynthesizedStacks.config(), new ArtifactLocator(root), new ApiSpecs(root));
    eu = synth(stacks, "aws-eu-central-1");
    apac = synth(stacks, "gcp-asia-southeast1");
  }

  private static TfStack synth(Map<String, TerraformStack> stacks, String name) {
    try {
      return TfStack.parse(name, Testing.synth(stacks.get(name)));
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("synth of " + name, e));
    }
  }

  @Test
  void publicCalendarFeed_isRoutedWithoutAuthorizer_theRestThroughTheJwtAuthorizer() {
    JsonNode feed = route("GET /v1/calendar/{feedToken}");
    JsonNode plans = route("GET /v1/plans");
    JsonNode message = route("PATCH /v1/groups/{groupId}/messages/{messageId}");
    String authorizer =
        eu.ref("aws_apigatewayv2_authorizer", eu.only("aws_apigatewayv2_authorizer"), "id");

    assertThat(feed.path("authorization_type").asString()).isEqualTo("NONE");
    assertThat(feed.has("authorizer_id")).isFalse();
    assertThat(plans.path("authorization_type").asString()).isEqualTo("JWT");
    assertThat(plans.path("authorizer_id").asString()).isEqualTo(authorizer);
    assertThat(message.path("authorizer_id").asString()).isEqualTo(authorizer);
    assertThat(feed.path("target").asString()).isEqualTo(plans.path("target").asString());
    assertThat(message.path("target").asString()).isNotEqualTo(plans.path("target").asString());
  }

  @Test
  void awsApi_routesExactlyTheFixturesDeployedOperations_besidesTheAuthRouteList() {
    assertThat(
            eu.resources("aws_apigatewayv2_route").values().stream()
                // The HTTP API's routes; the chat channel's WebSocket API has its own.
                .filter(r -> r.path("api_id").asString().equals(httpApiId()))
                .map(r -> r.path("route_key").asString())
                .filter(key -> !AuthRoutes.allRoutes().contains(key)))
        .containsExactlyInAnyOrder(
            "GET /v1/plans",
            "GET /v1/calendar/{feedToken}",
            "GET /v1/me/workouts",
            "POST /v1/me/workouts",
            "PATCH /v1/groups/{groupId}/messages/{messageId}",
            "GET /v1/me/profile");
  }

  @Test
  void gcpGateway_routesThePublicFeedAndPathParameterOperations_toTheirFunctions() {
    // Terraform encodes the document (the backends are known after apply): HCL object syntax.
    String contents =
        apac.only("google_api_gateway_api_config")
            .at("/openapi_documents/0/document/contents")
            .asString();

    assertThat(contents)
        .contains(
            "\"/v1/calendar/{feedToken}\" = {\"get\" = {\"operationId\" = \"getCalendarFeed\","
                + " \"x-google-backend\" = \"planner\", \"parameters\" = [{\"name\" = \"feedToken\"")
        .contains("\"operationId\" = \"editMessage\", \"x-google-backend\" = \"social\"")
        .contains("\"operationId\" = \"recordWorkout\", \"x-google-backend\" = \"workouts\"");
    for (String capability : List.of("profiles", "planner", "workouts", "social", "auth")) {
      assertThat(contents)
          .contains("\"" + capability + "\" = {\"address\" = google_cloudfunctions2_function.");
    }
  }

  private static JsonNode route(String routeKey) {
    return eu.named("aws_apigatewayv2_route", "route_key", routeKey);
  }

  @Test
  void fixture_hasOperationsOfEveryIssue5Capability() {
    JsonNode spec = SpecFixtures.capabilities();
    for (String capability : List.of("planner", "workouts", "social")) {
      assertThat(SpecOperations.of(spec, capability)).as(capability).isNotEmpty();
    }
  }

  private String httpApiId() {
    return eu.ref(
        "aws_apigatewayv2_api", eu.named("aws_apigatewayv2_api", "protocol_type", "HTTP"), "id");
  }
}
