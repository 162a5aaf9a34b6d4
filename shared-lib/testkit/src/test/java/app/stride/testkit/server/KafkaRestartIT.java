package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local platform keeps Kafka's log across restarts: a second start must reuse it. */
class KafkaRestartIT {
  @TempDir Path logDir;

  @Test
  void restart_onKeptLogDir_keepsTopics() throws Exception {
    try (KafkaServer first = KafkaServer.builder().logDir(logDir).start();
        Admin admin = admin(first)) {
      admin.createTopics(List.of(new NewTopic("kept-topic", 1, (short) 1))).all().get();
    }

    try (KafkaServer second = KafkaServer.builder().logDir(logDir).start();
        Admin admin = admin(second)) {
      assertThat(admin.listTopics().names().get()).contains("kept-topic");
    }
  }

  private static Admin admin(KafkaServer server) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers());
    return Admin.create(config);
  }
}
