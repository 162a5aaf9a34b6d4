package app.stride.local.worker;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PubSubEventSourceTest {
  @Test
  void retryDelay_startsAt10Seconds_andDoublesUpTo600_asInfrasRetryPolicy() {
    assertThat(PubSubEventSource.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(PubSubEventSource.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(PubSubEventSource.retryDelay(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(PubSubEventSource.retryDelay(7)).isEqualTo(Duration.ofSeconds(600));
    assertThat(PubSubEventSource.retryDelay(50)).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void aFilteredTarget_takesOnlyItsCeType_andAWorkTopicsTargetTakesEverything() {
    URI endpoint = URI.create("http://127.0.0.1:1/");
    PubSubEventSource.Target eraser =
        new PubSubEventSource.Target(
            "events",
            "stride-devices-eraser-apac",
            endpoint,
            Duration.ofSeconds(300),
            "stride-devices-eraser-apac-dlq",
            Optional.of("app.stride.user.v1.deleted"));
    PubSubEventSource.Target worker =
        new PubSubEventSource.Target("work", "work-delivery", endpoint, Duration.ofSeconds(540));

    assertThat(eraser.takes(message("app.stride.user.v1.deleted"))).isTrue();
    assertThat(eraser.takes(message("app.stride.profile.v1.updated"))).isFalse();
    assertThat(eraser.takes(message(null))).isFalse();
    assertThat(worker.takes(message(null))).isTrue();
    assertThat(worker.takes(message("app.stride.profile.v1.updated"))).isTrue();
    assertThat(worker.deadLetters()).isEqualTo(LocalPubSub.deadLetterTopic("work"));
  }

  private static JsonNode message(String type) {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("data", "e30=");
    ObjectNode attributes = message.putObject("attributes");
    if (type != null) {
      attributes.put("ce-type", type);
    }
    return message;
  }
}
