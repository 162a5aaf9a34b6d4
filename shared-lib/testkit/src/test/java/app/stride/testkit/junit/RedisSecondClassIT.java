package app.stride.testkit.junit;

/** Second of two classes sharing the JVM's redis-server. */
class RedisSecondClassIT extends RedisContract {}
