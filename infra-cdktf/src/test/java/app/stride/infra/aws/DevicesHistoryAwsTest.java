package app.stride.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The devices history reads recorded workouts: its HTTP function is told the region's workouts
 * table and may query it and its indexes, and do nothing else there.
 */
class DevicesHistoryAwsTest {

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void devices_queriesTheRegionsWorkoutsTableAndItsIndexes_readOnly(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = SynthesizedStacks.config().region(regionId).orElseThrow();
    JsonNode workouts = stack.named("aws_dynamodb_table", "name", "stride-workouts-" + regionId);
    String workoutsArn = stack.ref("aws_dynamodb_table", workouts, "arn");
    JsonNode role = stack.named("aws_iam_role", "name", region.functionName("devices"));
    JsonNode function =
        stack.named("aws_lambda_function", "function_name", region.functionName("devices"));

    List<String> onWorkouts = new ArrayList<>();
    for (JsonNode statement : stack.inlinePolicyStatements(role).values()) {
      List<String> resources = new ArrayList<>();
      statement.path("resources").forEach(r -> resources.add(r.asString()));
      if (resources.stream().anyMatch(r -> r.startsWith(workoutsArn))) {
        assertThat(resources).containsExactly(workoutsArn, workoutsArn + "/index/*");
        statement.path("actions").forEach(a -> onWorkouts.add(a.asString()));
      }
    }

    assertThat(onWorkouts).containsExactly("dynamodb:Query");
    assertThat(function.at("/environment/variables/STRIDE_WORKOUTS_TABLE").asString())
        .isEqualTo(stack.ref("aws_dynamodb_table", workouts, "name"));
  }
}
