package app.stride.testkit.junit;

/** Second of two classes sharing the JVM's Kafka broker. */
class KafkaSecondClassIT extends KafkaContract {}
