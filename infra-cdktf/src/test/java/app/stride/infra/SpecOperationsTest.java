package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecOperationsTest {

  @Test
  void of_listsOnlyTheFunctionsOperations_withMethodPathAndId() {
    List<SpecOperations.Operation> planner =
        SpecOperations.of(SpecFixtures.capabilities(), "planner");

    assertThat(planner)
        .extracting(SpecOperations.Operation::routeKey)
        .containsExactly("GET /v1/plans", "GET /v1/calendar/{feedToken}");
    assertThat(planner)
        .extracting(SpecOperations.Operation::operationId)
        .containsExactly("listPlans", "getCalendarFeed");
  }

  @Test
  void of_inheritsTheDocumentsSecurity_andEmptySecurityMakesAnOperationPublic() {
    List<SpecOperations.Operation> planner =
        SpecOperations.of(SpecFixtures.capabilities(), "planner");
    List<SpecOperations.Operation> workouts =
        SpecOperations.of(SpecFixtures.capabilities(), "workouts");

    assertThat(planner.get(0).bearer()).as("inherited bearerAuth").isTrue();
    assertThat(planner.get(1).bearer()).as("security: []").isFalse();
    assertThat(workouts).allMatch(SpecOperations.Operation::bearer);
    assertThat(SpecOperations.of(SpecFixtures.capabilities(), "auth"))
        .noneMatch(SpecOperations.Operation::bearer);
  }

  @Test
  void of_findsNothingForAFunctionWithoutOperations() {
    assertThat(SpecOperations.of(SpecFixtures.capabilities(), "rewards")).isEmpty();
  }
}
