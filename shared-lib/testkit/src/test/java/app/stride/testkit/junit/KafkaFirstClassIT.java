package app.stride.testkit.junit;

/** First of two classes sharing the JVM's Kafka broker. */
class KafkaFirstClassIT extends KafkaContract {}
