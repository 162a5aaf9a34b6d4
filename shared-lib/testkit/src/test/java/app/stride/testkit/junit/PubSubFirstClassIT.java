package app.stride.testkit.junit;

/** First of two classes sharing the JVM's Pub/Sub emulator. */
class PubSubFirstClassIT extends PubSubContract {}
