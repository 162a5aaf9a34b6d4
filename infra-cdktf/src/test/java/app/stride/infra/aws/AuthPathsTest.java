package app.stride.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.SpecOperations;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.capability.Capabilities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthPathsTest {

  @Test
  void prefixes_coverEveryAuthRoute() {
    for (String routeKey : AuthRoutes.allRoutes()) {
      String path = routeKey.substring(routeKey.indexOf(' ') + 1);

      assertThat(AuthPaths.prefixes()).as(routeKey).anyMatch(path::startsWith);
    }
  }

  @Test
  void prefixes_coverNoRouteOfAnotherCapability_andNoneIsRedundant() {
    JsonNode spec =
        new ApiSpecs(ArtifactLocator.defaultRepoRoot())
            .read(SynthesizedStacks.config().edge().apiSpec());
    List<SpecOperations.Operation> others = new ArrayList<>();
    Capabilities.ALL.forEach(c -> others.addAll(SpecOperations.of(spec, c.name())));

    assertThat(others)
        .extracting(SpecOperations.Operation::routeKey)
        .contains("GET /v1/me/profile");
    for (SpecOperations.Operation op : others) {
      assertThat(AuthPaths.prefixes()).as(op.routeKey()).noneMatch(op.path()::startsWith);
    }
    for (String prefix : AuthPaths.prefixes()) {
      assertThat(AuthPaths.prefixes())
          .filteredOn(other -> !other.equals(prefix))
          .noneMatch(prefix::startsWith);
    }
  }
}
