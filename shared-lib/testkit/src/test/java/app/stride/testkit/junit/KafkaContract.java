package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by two IT classes against the one in-process broker of the JVM: each gets its own topic, so
 * it reads exactly the records it produced.
 */
abstract class KafkaContract {

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final Set<String> BROKERS_SEEN = ConcurrentHashMap.newKeySet();
  private static final Set<String> TOPICS_SEEN = ConcurrentHashMap.newKeySet();

  @Test
  void uniqueTopicPerClass_consumerReadsExactlyWhatWasProduced() throws Exception {
    String topic = KAFKA.uniqueTopic("device-samples");
    assertThat(TOPICS_SEEN.add(topic)).isTrue();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, "device-1", "sample-" + i)).get();
      }
    }

    assertThat(consumeAll(topic, 3)).containsExactly("sample-0", "sample-1", "sample-2");
  }

  @Test
  void oneBrokerServesEveryClass() {
    BROKERS_SEEN.add(KAFKA.bootstrapServers());

    assertThat(BROKERS_SEEN).hasSize(1);
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> consumeAll(String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      values.addAll(
          consumer.poll(Duration.ofMillis(200)).records(partition).stream()
              .map(ConsumerRecord::value)
              .toList());
    }
    return values;
  }
}
