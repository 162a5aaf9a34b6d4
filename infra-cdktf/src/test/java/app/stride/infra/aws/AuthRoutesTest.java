package app.stride.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.ArtifactLocator;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every {@code auth} operation of the mobile API spec is routed to the auth function, through the
 * JWT authorizer exactly when the spec asks for a bearer token. The spec is read from {@code
 * api-specs/openapi/mobile-api.yaml}, the single source of routes.
 */
class AuthRoutesTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "patch", "delete", "head", "options");

  /** Route key to whether the spec demands a bearer token, for every {@code auth} operation. */
  private static Map<String, Boolean> authOperationsOfTheSpec() {
    Path spec = ArtifactLocator.defaultRepoRoot().resolve("api-specs/openapi/mobile-api.yaml");
    JsonNode root = YAMLMapper.builder().build().readTree(spec.toFile());
    boolean bearerByDefault = root.path("security").size() > 0;
    Map<String, Boolean> operations = new TreeMap<>();
    root.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (METHODS.contains(op.getKey())
                              && "auth"
                                  .equals(op.getValue().path("x-stride-function").asString(null))) {
                            JsonNode security = op.getValue().path("security");
                            boolean bearer =
                                security.isMissingNode() ? bearerByDefault : security.size() > 0;
                            operations.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), bearer);
                          }
                        }));
    return operations;
  }

  @Test
  void routeLists_matchTheAuthOperationsOfTheSpec_andTheirSecurity() {
    Map<String, Boolean> spec = authOperationsOfTheSpec();

    assertThat(spec).containsKey("GET /.well-known/jwks.json").hasSizeGreaterThan(10);
    assertThat(AuthRoutes.PUBLIC_ROUTES)
        .containsExactlyInAnyOrderElementsOf(keys(spec, false))
        .doesNotHaveDuplicates();
    assertThat(AuthRoutes.BEARER_ROUTES)
        .containsExactlyInAnyOrderElementsOf(keys(spec, true))
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyAuthOperation_isRoutedToTheAuthAlias_openOrThroughTheJwtAuthorizer(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode fn = stack.named("aws_lambda_function", "function_name", "stride-auth-" + region);
    JsonNode alias =
        stack.named(
            "aws_lambda_alias",
            "function_name",
            stack.ref("aws_lambda_function", fn, "function_name"));
    JsonNode integration =
        stack.named(
            "aws_apigatewayv2_integration",
            "integration_uri",
            stack.ref("aws_lambda_alias", alias, "invoke_arn"));
    String target = "integrations/" + stack.ref("aws_apigatewayv2_integration", integration, "id");
    String authorizer =
        stack.ref("aws_apigatewayv2_authorizer", stack.only("aws_apigatewayv2_authorizer"), "id");
    Map<String, JsonNode> routes =
        stack.resources("aws_apigatewayv2_route").values().stream()
            .filter(r -> r.path("target").asString().equals(target))
            .collect(Collectors.toMap(r -> r.path("route_key").asString(), r -> r));

    Map<String, Boolean> spec = authOperationsOfTheSpec();
    assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(spec.keySet());
    spec.forEach(
        (routeKey, bearer) -> {
          JsonNode route = routes.get(routeKey);
          assertThat(route.path("api_id").asString())
              .isEqualTo(
                  stack.ref(
                      "aws_apigatewayv2_api",
                      stack.named("aws_apigatewayv2_api", "protocol_type", "HTTP"),
                      "id"));
          if (bearer) {
            assertThat(route.path("authorization_type").asString()).as(routeKey).isEqualTo("JWT");
            assertThat(route.path("authorizer_id").asString()).as(routeKey).isEqualTo(authorizer);
          } else {
            assertThat(route.path("authorization_type").asString()).as(routeKey).isEqualTo("NONE");
            assertThat(route.has("authorizer_id")).as(routeKey).isFalse();
          }
        });
    assertThat(integration.path("integration_type").asString()).isEqualTo("AWS_PROXY");
    assertThat(integration.path("payload_format_version").asString()).isEqualTo("2.0");
    assertThat(integration.path("timeout_milliseconds").asInt()).isEqualTo(15_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void apiGateway_mayInvokeOnlyTheAuthAlias_fromThisApi(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode fn = stack.named("aws_lambda_function", "function_name", "stride-auth-" + region);
    JsonNode alias =
        stack.named(
            "aws_lambda_alias",
            "function_name",
            stack.ref("aws_lambda_function", fn, "function_name"));
    JsonNode permission =
        stack.named(
            "aws_lambda_permission", "qualifier", stack.ref("aws_lambda_alias", alias, "name"));

    assertThat(permission.path("principal").asString()).isEqualTo("apigateway.amazonaws.com");
    assertThat(permission.path("function_name").asString())
        .isEqualTo(stack.ref("aws_lambda_function", fn, "function_name"));
    assertThat(permission.path("source_arn").asString())
        .isEqualTo(
            stack.ref(
                    "aws_apigatewayv2_api",
                    stack.named("aws_apigatewayv2_api", "protocol_type", "HTTP"),
                    "execution_arn")
                + "/*/*");
  }

  private static List<String> keys(Map<String, Boolean> spec, boolean bearer) {
    List<String> keys = new ArrayList<>();
    spec.forEach(
        (key, b) -> {
          if (b == bearer) {
            keys.add(key);
          }
        });
    return keys;
  }
}
