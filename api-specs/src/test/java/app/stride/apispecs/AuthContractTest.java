package app.stride.apispecs;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.SpecDocuments.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The auth operations: statuses, security, gateway routing hints, body caps, token answers. */
class AuthContractTest {

  private static final String ROUTE_EXTENSION = ApiSpecs.ROUTE_EXTENSION;
  private static final String MAX_BODY_EXTENSION = "x-stride-max-body-bytes";
  private static final Pattern ROUTE =
      Pattern.compile("(body|token|path):([a-z][A-Za-z0-9]*)|directory:email|social|all-regions");
  private static final String OPAQUE_TOKEN = "#/components/schemas/OpaqueToken";

  /** Schemas of answers that carry a token or a secret, which no cache may keep. */
  private static final Set<String> SECRET_ANSWERS =
      Set.of("TokenResponse", "SignInResult", "TotpSetup", "RecoveryCodes", "Account");

  private static final Map<String, Set<String>> STATUSES =
      Map.ofEntries(
          entry("registerAccount", Set.of("202", "400", "413", "415", "421", "429", "500", "503")),
          entry("verifyEmail", Set.of("204", "400", "401", "413", "415", "429", "500", "503")),
          entry("login", Set.of("200", "400", "401", "403", "413", "415", "429", "500", "503")),
          entry("verifyMfa", Set.of("200", "400", "401", "413", "415", "429", "500", "503")),
          entry(
              "socialSignIn",
              Set.of("200", "201", "400", "401", "409", "413", "415", "421", "429", "500", "503")),
          entry("refreshTokens", Set.of("200", "400", "401", "413", "415", "429", "500", "503")),
          entry("logout", Set.of("204", "400", "413", "415", "429", "500", "503")),
          entry("logoutAll", Set.of("204", "401", "421", "429", "500", "503")),
          entry("getJwks", Set.of("200", "429", "500")),
          entry("forgotPassword", Set.of("202", "400", "413", "415", "429", "500", "503")),
          entry("resetPassword", Set.of("204", "400", "401", "413", "415", "429", "500", "503")),
          entry(
              "changePassword",
              Set.of("200", "400", "401", "413", "415", "421", "429", "500", "503")),
          entry(
              "startTotpSetup",
              Set.of("200", "400", "401", "409", "413", "415", "421", "429", "500", "503")),
          entry(
              "confirmTotp",
              Set.of("200", "400", "401", "409", "413", "415", "421", "429", "500", "503")),
          entry(
              "disableTotp",
              Set.of("204", "400", "401", "409", "413", "415", "421", "429", "500", "503")),
          entry("getMyAccount", Set.of("200", "401", "421", "429", "500", "503")),
          entry(
              "deleteMyAccount",
              Set.of("202", "400", "401", "413", "415", "421", "429", "500", "503")));

  private static final Set<String> BEARER_SECURED =
      Set.of(
          "logoutAll",
          "changePassword",
          "startTotpSetup",
          "confirmTotp",
          "disableTotp",
          "getMyAccount",
          "deleteMyAccount");

  private static final Map<String, String> ROUTES =
      Map.of(
          "registerAccount", "body:homeRegion",
          "verifyEmail", "token:token",
          "login", "directory:email",
          "verifyMfa", "token:mfaToken",
          "socialSignIn", "social",
          "refreshTokens", "token:refreshToken",
          "logout", "token:refreshToken",
          "getJwks", "all-regions",
          "forgotPassword", "directory:email",
          "resetPassword", "token:token");

  static Stream<Operation> authOperations() {
    return SpecDocuments.operations(SpecDocuments.MOBILE_API).stream()
        .filter(op -> op.node().path(ApiSpecs.FUNCTION_EXTENSION).asString().equals("auth"));
  }

  private static String id(Operation op) {
    return op.node().path("operationId").asString();
  }

  @Test
  void authOperations_areExactlyTheExpectedOnes() {
    assertThat(authOperations().map(AuthContractTest::id))
        .containsExactlyInAnyOrderElementsOf(STATUSES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authOperations")
  void authOperation_declaresItsStatuses(Operation op) {
    assertThat(op.node().path("responses").propertyNames())
        .as(id(op))
        .containsExactlyInAnyOrderElementsOf(STATUSES.get(id(op)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authOperations")
  void authOperation_requiresBearerJwtOrSaysExplicitlyThatItNeedsNone(Operation op) {
    JsonNode security = op.node().get("security");

    assertThat(security).as("%s declares security", op).isNotNull();
    if (BEARER_SECURED.contains(id(op))) {
      assertThat(security.size()).as(op.toString()).isEqualTo(1);
      assertThat(security.get(0).has("bearerAuth")).as(op.toString()).isTrue();
    } else {
      assertThat(security.isArray() && security.isEmpty()).as(op.toString()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authOperations")
  void authOperation_routesByTheDocumentedHint(Operation op) {
    JsonNode route = op.node().get(ROUTE_EXTENSION);

    if (BEARER_SECURED.contains(id(op))) {
      assertThat(route).as("%s routes by its token's home_region", op).isNull();
    } else {
      assertThat(route).as(op.toString()).isNotNull();
      assertThat(route.asString()).as(op.toString()).isEqualTo(ROUTES.get(id(op)));
    }
  }

  /**
   * The rule for the whole mobile API: an operation without an access token that a capability (not
   * the gateway) serves says how to find its home region, with a member its body really requires.
   */
  @Test
  void everyUnauthenticatedFunctionRoute_declaresAValidRoute() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    List<String> problems = new ArrayList<>();
    for (Operation op : SpecDocuments.operations(SpecDocuments.MOBILE_API)) {
      boolean secured = op.node().path("security").size() > 0;
      boolean gateway = op.node().path(ApiSpecs.FUNCTION_EXTENSION).asString().equals("gateway");
      JsonNode route = op.node().get(ROUTE_EXTENSION);
      if (secured || gateway) {
        if (route != null && !(secured && route.asString().startsWith("path:"))) {
          problems.add(op + ": needs no " + ROUTE_EXTENSION);
        } else if (route != null) {
          problems.addAll(routeProblems(root, op, route.asString()));
        }
        continue;
      }
      if (route == null) {
        problems.add(op + ": has no " + ROUTE_EXTENSION);
        continue;
      }
      problems.addAll(routeProblems(root, op, route.asString()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void routeCheck_refusesUnknownHintsAndMembersTheBodyDoesNotRequire() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    Operation register = byId("registerAccount");
    Operation login = byId("login");

    assertThat(routeProblems(root, register, "body:homeRegion")).isEmpty();
    assertThat(routeProblems(root, register, "body:locale")).isNotEmpty();
    assertThat(routeProblems(root, register, "token:email")).isNotEmpty();
    assertThat(routeProblems(root, login, "directory:phone")).isNotEmpty();
    assertThat(routeProblems(root, login, "header:X-Region")).isNotEmpty();
    assertThat(routeProblems(root, anyById("getGroup"), "path:groupId")).isEmpty();
    assertThat(routeProblems(root, anyById("getGroup"), "path:userId")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authOperations")
  void authOperation_capsItsBodyAt16KiB(Operation op) {
    JsonNode cap = op.node().get(MAX_BODY_EXTENSION);

    if (op.node().has("requestBody")) {
      assertThat(op.node().at("/requestBody/required").asBoolean()).as(op.toString()).isTrue();
      assertThat(op.node().at("/requestBody/content").propertyNames())
          .as(op.toString())
          .containsExactly("application/json");
      assertThat(cap).as(op.toString()).isNotNull();
      assertThat(cap.isInt() && cap.asInt() == 16384).as(op.toString()).isTrue();
    } else {
      assertThat(cap).as(op.toString()).isNull();
    }
  }

  @Test
  void everyOperationWithABody_answersOversizedAndWrongMediaTypeBodies() {
    for (Operation op : SpecDocuments.operations(SpecDocuments.MOBILE_API)) {
      if (op.node().has("requestBody")) {
        assertThat(op.node().path("responses").propertyNames())
            .as(op.toString())
            .contains("400", "413", "415");
      }
    }
  }

  @Test
  void answersCarryingTokensOrSecrets_sayNoStore() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    List<String> checked = new ArrayList<>();
    for (Operation op : SpecDocuments.operations(SpecDocuments.MOBILE_API)) {
      for (Map.Entry<String, JsonNode> response : op.node().path("responses").properties()) {
        JsonNode resolved = SpecDocuments.deref(root, response.getValue());
        String schema = resolved.at("/content/application~1json/schema/$ref").asString("");
        if (SECRET_ANSWERS.contains(schema.replace("#/components/schemas/", ""))) {
          assertThat(resolved.at("/headers/Cache-Control/$ref").asString())
              .as("%s %s", op, response.getKey())
              .isEqualTo("#/components/headers/CacheControlNoStore");
          checked.add(id(op) + " " + response.getKey());
        }
      }
    }
    JsonNode noStore = root.at("/components/headers/CacheControlNoStore");
    assertThat(noStore.path("required").asBoolean()).isTrue();
    assertThat(noStore.at("/schema/const").asString()).isEqualTo("no-store");
    assertThat(checked)
        .contains(
            "login 200",
            "verifyMfa 200",
            "socialSignIn 200",
            "socialSignIn 201",
            "refreshTokens 200",
            "changePassword 200",
            "startTotpSetup 200",
            "confirmTotp 200",
            "getMyAccount 200");
  }

  @Test
  void everyTooManyRequestsAnswer_isRateLimitedWithARequiredRetryAfter() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    JsonNode rateLimited = root.at("/components/responses/RateLimited");

    for (Operation op : SpecDocuments.operations(SpecDocuments.MOBILE_API)) {
      JsonNode tooMany = op.node().at("/responses/429");
      if (!tooMany.isMissingNode()) {
        assertThat(tooMany.path("$ref").asString())
            .as(op.toString())
            .isEqualTo("#/components/responses/RateLimited");
      }
    }
    assertThat(rateLimited.at("/headers/Retry-After/required").asBoolean()).isTrue();
    assertThat(rateLimited.at("/headers/Retry-After/schema/minimum").asInt()).isEqualTo(1);
    assertThat(problemTypes(root, rateLimited)).containsExactly("rate-limited");
  }

  @Test
  void authErrors_documentTheProblemTypesTheyAnswer() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    Map<String, Set<String>> expected =
        Map.ofEntries(
            entry("registerAccount 400", Set.of("validation-failed", "weak-password")),
            entry("resetPassword 400", Set.of("weak-password")),
            entry("changePassword 400", Set.of("weak-password")),
            entry("verifyEmail 401", Set.of("invalid-token")),
            entry("login 401", Set.of("invalid-credentials")),
            entry("login 403", Set.of("email-not-verified")),
            entry("verifyMfa 401", Set.of("invalid-token", "invalid-code")),
            entry("socialSignIn 401", Set.of("social-token-rejected")),
            entry("socialSignIn 409", Set.of("conflict")),
            entry("socialSignIn 503", Set.of("dependency-unavailable")),
            entry("refreshTokens 401", Set.of("invalid-token")),
            entry("resetPassword 401", Set.of("invalid-token")),
            entry("changePassword 401", Set.of("unauthorized", "invalid-credentials")),
            entry("confirmTotp 401", Set.of("invalid-code")),
            entry("startTotpSetup 409", Set.of("conflict")),
            entry("logoutAll 401", Set.of("unauthorized")));

    for (Map.Entry<String, Set<String>> want : expected.entrySet()) {
      String[] key = want.getKey().split(" ");
      JsonNode response = byId(key[0]).node().at("/responses/" + key[1]);

      assertThat(problemTypes(root, SpecDocuments.deref(root, response)))
          .as(want.getKey())
          .containsAll(want.getValue());
    }
  }

  @Test
  void jwks_publishesOnlyPublicEs256KeysWithACacheLifetime() {
    JsonNode root = SpecDocuments.load(SpecDocuments.MOBILE_API);
    JsonNode ok = byId("getJwks").node().at("/responses/200");
    JsonNode jwk = root.at("/components/schemas/Jwk");

    assertThat(byId("getJwks").path()).isEqualTo("/.well-known/jwks.json");
    assertThat(ok.at("/headers/Cache-Control/required").asBoolean()).isTrue();
    assertThat(jwk.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(jwk.at("/properties/alg/const").asString()).isEqualTo("ES256");
    assertThat(jwk.at("/properties/crv/const").asString()).isEqualTo("P-256");
    assertThat(jwk.path("properties").has("d")).isFalse();
  }

  @Test
  void socialProvider_isAnEnumeratedPathParameter() {
    Operation social = byId("socialSignIn");
    JsonNode parameter =
        SpecDocuments.load(SpecDocuments.MOBILE_API)
            .at("/paths/" + SpecDocuments.escape(social.path()) + "/parameters/0");

    assertThat(social.path()).isEqualTo("/v1/auth/social/{provider}");
    assertThat(parameter.path("in").asString()).isEqualTo("path");
    assertThat(parameter.path("required").asBoolean()).isTrue();
    assertThat(parameter.at("/schema/enum").toString()).isEqualTo("[\"google\",\"apple\"]");
  }

  private static Operation anyById(String operationId) {
    return SpecDocuments.operations(SpecDocuments.MOBILE_API).stream()
        .filter(op -> id(op).equals(operationId))
        .findFirst()
        .orElseThrow();
  }

  private static Operation byId(String operationId) {
    return authOperations().filter(op -> id(op).equals(operationId)).findFirst().orElseThrow();
  }

  /** A {@code path:<param>} route must name a required path parameter of its operation. */
  private static List<String> pathRouteProblems(Operation op, String param) {
    JsonNode root = SpecDocuments.load(op.document());
    JsonNode pathItem = root.path("paths").path(op.path());
    boolean declared =
        java.util.stream.Stream.concat(
                pathItem.path("parameters").values().stream(),
                op.node().path("parameters").values().stream())
            .map(p -> SpecDocuments.deref(root, p))
            .anyMatch(
                p ->
                    p.path("in").asString().equals("path")
                        && p.path("name").asString().equals(param)
                        && p.path("required").asBoolean());
    return declared
        ? List.of()
        : List.of(op + ": path:" + param + " names no required path parameter");
  }

  /** What is wrong with a route hint of an operation; empty when it is valid. */
  private static List<String> routeProblems(JsonNode root, Operation op, String route) {
    Matcher m = ROUTE.matcher(route);
    if (!m.matches()) {
      return List.of(op + ": unknown " + ROUTE_EXTENSION + " " + route);
    }
    if (route.startsWith("path:")) {
      return pathRouteProblems(op, route.substring("path:".length()));
    }
    String member = route.equals("directory:email") ? "email" : m.group(2);
    if (member == null) {
      return List.of();
    }
    JsonNode body =
        SpecDocuments.deref(root, op.node().at("/requestBody/content/application~1json/schema"));
    List<String> problems = new ArrayList<>();
    boolean required =
        body.path("required").values().stream().anyMatch(n -> n.asString().equals(member));
    if (!required) {
      problems.add(op + ": " + route + " names a member the body does not require");
    }
    if (route.startsWith("token:")
        && !body.at("/properties/" + member + "/$ref").asString().equals(OPAQUE_TOKEN)) {
      problems.add(op + ": " + route + " names a member that is not an opaque token");
    }
    return problems;
  }

  /** The problem type slugs of a response's examples. */
  private static List<String> problemTypes(JsonNode root, JsonNode response) {
    List<String> types = new ArrayList<>();
    for (JsonNode example : response.at("/content/application~1problem+json/examples").values()) {
      types.add(
          SpecDocuments.deref(root, example)
              .at("/value/type")
              .asString()
              .replace("https://stride.app/problems/", ""));
    }
    return types;
  }
}
