package app.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.local.gateway.RouteHint.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteHintTest {
  private static final OpenApiSpec MOBILE = OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi());

  @Test
  void parse_readsEveryFormOfTheSpecsTable() {
    assertThat(RouteHint.parse("body:homeRegion"))
        .isEqualTo(new RouteHint(Kind.BODY, "homeRegion"));
    assertThat(RouteHint.parse("token:refreshToken"))
        .isEqualTo(new RouteHint(Kind.TOKEN, "refreshToken"));
    assertThat(RouteHint.parse("directory:email"))
        .isEqualTo(new RouteHint(Kind.DIRECTORY, "email"));
    assertThat(RouteHint.parse("social")).isEqualTo(new RouteHint(Kind.SOCIAL, null));
    assertThat(RouteHint.parse("all-regions")).isEqualTo(new RouteHint(Kind.ALL_REGIONS, null));
    assertThat(RouteHint.parse("path:groupId")).isEqualTo(new RouteHint(Kind.PATH, "groupId"));
  }

  @Test
  void regionIn_readsThePrefixOfThePathParameter_orTheWholeValue() {
    Operation getGroup =
        MOBILE.operations().stream()
            .filter(op -> op.operationId().equals("getGroup"))
            .findFirst()
            .orElseThrow();
    Operation search =
        MOBILE.operations().stream()
            .filter(op -> op.operationId().equals("searchGroups"))
            .findFirst()
            .orElseThrow();
    RouteHint group = RouteHint.parse("path:groupId");

    assertThat(group.regionIn(getGroup, "/v1/groups/us.g0123456789abcdefghjkmnpqrs"))
        .contains("us");
    assertThat(group.regionIn(getGroup, "/v1/groups/.g0123")).isEmpty();
    assertThat(RouteHint.parse("path:region").regionIn(search, "/v1/regions/apac/groups"))
        .contains("apac");
    assertThat(group.regionIn(search, "/v1/regions/apac/groups")).isEmpty();
  }

  @Test
  void parse_refusesWhatTheGatewayCannotRoute() {
    for (String bad :
        new String[] {"header:x", "body:", "directory:phone", "token:a.b", "path:", "any"}) {
      assertThatThrownBy(() -> RouteHint.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void index_ofTheMobileSpec_coversEveryUnauthenticatedFunctionRoute_andSecuredOnesOnlyByPath() {
    Map<String, RouteHint> hints = RouteHint.index(MOBILE);

    assertThat(hints)
        .containsEntry("registerAccount", new RouteHint(Kind.BODY, "homeRegion"))
        .containsEntry("login", new RouteHint(Kind.DIRECTORY, "email"))
        .containsEntry("refreshTokens", new RouteHint(Kind.TOKEN, "refreshToken"))
        .containsEntry("socialSignIn", new RouteHint(Kind.SOCIAL, null))
        .containsEntry("getJwks", new RouteHint(Kind.ALL_REGIONS, null));
    assertThat(hints)
        .containsEntry("getGroup", new RouteHint(Kind.PATH, "groupId"))
        .containsEntry("acceptInvite", new RouteHint(Kind.PATH, "inviteToken"));
    for (Operation operation : MOBILE.operations()) {
      boolean servedByAFunction = !operation.function().equals("gateway");
      RouteHint hint = hints.get(operation.operationId());
      if (servedByAFunction && !operation.secured()) {
        assertThat(hint).as(operation.operationId()).isNotNull();
      } else if (hint != null) {
        assertThat(hint.kind())
            .as("%s: a secured route may only name a path parameter", operation.operationId())
            .isEqualTo(Kind.PATH);
      }
    }
  }
}
