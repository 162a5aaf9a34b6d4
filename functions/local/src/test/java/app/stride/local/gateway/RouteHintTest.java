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
  }

  @Test
  void parse_refusesWhatTheGatewayCannotRoute() {
    for (String bad : new String[] {"header:x", "body:", "directory:phone", "token:a.b", "any"}) {
      assertThatThrownBy(() -> RouteHint.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void index_ofTheMobileSpec_coversEveryUnauthenticatedFunctionRoute_andNoSecuredOne() {
    Map<String, RouteHint> hints = RouteHint.index(MOBILE);

    assertThat(hints)
        .containsEntry("registerAccount", new RouteHint(Kind.BODY, "homeRegion"))
        .containsEntry("login", new RouteHint(Kind.DIRECTORY, "email"))
        .containsEntry("refreshTokens", new RouteHint(Kind.TOKEN, "refreshToken"))
        .containsEntry("socialSignIn", new RouteHint(Kind.SOCIAL, null))
        .containsEntry("getJwks", new RouteHint(Kind.ALL_REGIONS, null));
    for (Operation operation : MOBILE.operations()) {
      boolean servedByAFunction = !operation.function().equals("gateway");
      assertThat(hints.containsKey(operation.operationId()))
          .as(operation.operationId())
          .isEqualTo(servedByAFunction && !operation.secured());
    }
  }
}
