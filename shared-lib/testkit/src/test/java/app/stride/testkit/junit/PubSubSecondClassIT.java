package app.stride.testkit.junit;

/** Second of two classes sharing the JVM's Pub/Sub emulator. */
class PubSubSecondClassIT extends PubSubContract {}
