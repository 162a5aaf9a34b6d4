package app.stride.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProblemTest {
  @Test
  void extensionMembers_areWrittenAtTheTopLevel() {
    Problem problem =
        Problem.of(ProblemType.WEAK_PASSWORD, "Too common.").with("reason", "common").at("/x");

    JsonNode json = Json.mapper().readTree(Json.toBytes(problem));

    assertThat(json.path("reason").asString()).isEqualTo("common");
    assertThat(json.path("type").asString()).isEqualTo("https://stride.app/problems/weak-password");
    assertThat(json.path("instance").asString()).isEqualTo("/x");
    assertThat(json.has("extensions")).isFalse();
    assertThat(json.has("members")).isFalse();
  }

  @Test
  void problemWithoutExtensions_hasOnlyStandardMembers() {
    JsonNode json =
        Json.mapper().readTree(Json.toBytes(Problem.of(ProblemType.NOT_FOUND, "Nothing here.")));

    assertThat(json.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail");
  }

  @Test
  void extension_cannotReplaceAStandardMember() {
    Problem problem = Problem.of(ProblemType.NOT_FOUND, "Nothing here.");

    assertThatThrownBy(() -> problem.with("status", "200"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
