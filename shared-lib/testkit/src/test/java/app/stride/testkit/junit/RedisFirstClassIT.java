package app.stride.testkit.junit;

/** First of two classes sharing the JVM's redis-server. */
class RedisFirstClassIT extends RedisContract {}
