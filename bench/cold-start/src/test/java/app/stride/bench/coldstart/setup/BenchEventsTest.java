package app.stride.bench.coldstart.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchEventsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void getEvent_asksForTheCallersProfile_withTheBearerToken() {
    JsonNode event = JSON.readTree(BenchEvents.getMyProfile("t0k3n"));

    assertThat(event.path("rawPath").asString()).isEqualTo("/v1/me/profile");
    assertThat(event.path("requestContext").path("http").path("method").asString())
        .isEqualTo("GET");
    assertThat(event.path("headers").path("authorization").asString()).isEqualTo("Bearer t0k3n");
    assertThat(event.has("body")).isFalse();
  }

  @Test
  void putEvent_createsOnly_andCarriesTheProfileFixtureAsItsBody() {
    JsonNode event = JSON.readTree(BenchEvents.putMyProfile("t0k3n"));

    assertThat(event.path("requestContext").path("http").path("method").asString())
        .isEqualTo("PUT");
    assertThat(event.path("headers").path("if-none-match").asString()).isEqualTo("*");
    assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(JSON.readTree(event.path("body").asString())).isEqualTo(BenchEvents.profile());
    assertThat(BenchEvents.profile().path("displayName").asString()).isEqualTo("Ana Runner");
  }
}
