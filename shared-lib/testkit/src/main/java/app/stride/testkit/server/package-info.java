/**
 * Launchers for the real local servers Stride tests and the local platform run on: {@link
 * app.stride.testkit.server.DynaliteServer} (DynamoDB API), {@link
 * app.stride.testkit.server.FirestoreEmulator} and {@link app.stride.testkit.server.PubSubEmulator}
 * (Google Cloud CLI emulators), {@link app.stride.testkit.server.ElasticMqServer} (SQS API), {@link
 * app.stride.testkit.server.KafkaServer}, {@link app.stride.testkit.server.RedisServer} and {@link
 * app.stride.testkit.server.GreenMailServer} (SMTP).
 *
 * <p>Each binds to 127.0.0.1 on a free (or given) port, waits until the server answers, logs one
 * line, and is a {@link app.stride.testkit.server.LocalServer}: closing it stops the server and any
 * child process, and a JVM shutdown hook closes whatever is left open. This package does not depend
 * on JUnit, so a plain {@code main} (the local platform) can use it.
 */
package app.stride.testkit.server;
