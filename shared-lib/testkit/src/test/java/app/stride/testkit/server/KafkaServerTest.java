package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerTest {

  @Test
  void brokerConfig_isASingleNodeKraftBrokerWithReplicationOneEverywhere() {
    Properties config = KafkaServer.brokerConfig(9092, 9093, Path.of("/tmp/k"));

    assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
    assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
    assertThat(config.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
    assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
    assertThat(config.getProperty("share.coordinator.state.topic.replication.factor"))
        .isEqualTo("1");
  }
}
