package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.aws.AuthRoutes;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routes follow the spec whatever it holds: the stacks synthesized from the fixture spec ({@code
 * spec/capabilities-fixture.yaml}, with a public calendar feed and path-parameter routes) route
 * exactly its operations, the public one without an authorizer on AWS, and every one of them
 * through the GCP API Gateway to its capability's function. The {@link FixtureStacks} of {@code eu}
 * and {@code apac}.
 */
class FixtureSpecRoutesTest {

  private final TfStack eu = FixtureStacks.region("eu");
  private final TfStack apac = FixtureStacks.region("apac");

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
            "GET /v1/webhooks/{provider}",
            "POST /v1/webhooks/{provider}",
            "POST /v1/activities/imports",
            "GET /v1/me/profile");
  }

  @Test
  void
      deviceWebhooks_areRoutedWithoutAuthorizer_toTheDevicesAlias_importsThroughTheJwtAuthorizer() {
    JsonNode verify = route("GET /v1/webhooks/{provider}");
    JsonNode receive = route("POST /v1/webhooks/{provider}");
    JsonNode imports = route("POST /v1/activities/imports");
    String authorizer =
        eu.ref("aws_apigatewayv2_authorizer", eu.only("aws_apigatewayv2_authorizer"), "id");
    JsonNode alias =
        eu.named(
            "aws_lambda_alias",
            "function_name",
            eu.ref(
                "aws_lambda_function",
                eu.named("aws_lambda_function", "function_name", "stride-devices-eu"),
                "function_name"));
    JsonNode integration =
        eu.named(
            "aws_apigatewayv2_integration",
            "integration_uri",
            eu.ref("aws_lambda_alias", alias, "invoke_arn"));

    for (JsonNode webhook : List.of(verify, receive)) {
      // A provider has no Stride token: the function verifies the provider's signature instead.
      assertThat(webhook.path("authorization_type").asString()).isEqualTo("NONE");
      assertThat(webhook.has("authorizer_id")).isFalse();
    }
    assertThat(imports.path("authorization_type").asString()).isEqualTo("JWT");
    assertThat(imports.path("authorizer_id").asString()).isEqualTo(authorizer);
    for (JsonNode route : List.of(verify, receive, imports)) {
      assertThat(route.path("target").asString())
          .isEqualTo("integrations/" + eu.ref("aws_apigatewayv2_integration", integration, "id"));
    }
    assertThat(
            apac.only("google_api_gateway_api_config")
                .at("/openapi_documents/0/document/contents")
                .asString())
        .contains("\"operationId\" = \"receiveWebhook\", \"x-google-backend\" = \"devices\"")
        .contains("\"operationId\" = \"importActivity\", \"x-google-backend\" = \"devices\"");
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
    for (String capability :
        List.of("profiles", "planner", "workouts", "social", "devices", "auth")) {
      assertThat(contents)
          .contains("\"" + capability + "\" = {\"address\" = google_cloudfunctions2_function.");
    }
  }

  private JsonNode route(String routeKey) {
    return eu.named("aws_apigatewayv2_route", "route_key", routeKey);
  }

  @Test
  void fixture_hasOperationsOfEveryIssue5Capability() {
    JsonNode spec = SpecFixtures.capabilities();
    for (String capability : List.of("planner", "workouts", "social", "devices")) {
      assertThat(SpecOperations.of(spec, capability)).as(capability).isNotEmpty();
    }
  }

  private String httpApiId() {
    return eu.ref(
        "aws_apigatewayv2_api", eu.named("aws_apigatewayv2_api", "protocol_type", "HTTP"), "id");
  }
}
