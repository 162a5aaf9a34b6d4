package app.stride.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthPathsTest {

  @Test
  void prefixes_coverEveryAuthRoute() {
    for (String routeKey : AuthRoutes.allRoutes()) {
      String path = routeKey.substring(routeKey.indexOf(' ') + 1);

      assertThat(AuthPaths.prefixes()).as(routeKey).anyMatch(path::startsWith);
    }
  }

  @Test
  void prefixes_coverNoProfileRoute_andNoneIsRedundant() {
    for (String routeKey : ProfilesHttpApi.ROUTES) {
      String path = routeKey.substring(routeKey.indexOf(' ') + 1);

      assertThat(AuthPaths.prefixes()).as(routeKey).noneMatch(path::startsWith);
    }
    for (String prefix : AuthPaths.prefixes()) {
      assertThat(AuthPaths.prefixes())
          .filteredOn(other -> !other.equals(prefix))
          .noneMatch(prefix::startsWith);
    }
  }
}
