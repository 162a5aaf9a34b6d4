package app.stride.testkit.junit;

import app.stride.testkit.server.KafkaServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A single-node Kafka broker, started once per JVM in-process. Topics are not deleted between
 * classes: use {@link #uniqueTopic(String)}.
 */
public final class KafkaExtension extends LocalServerExtension<KafkaServer> {

  @Override
  protected KafkaServer acquire(ExtensionContext context) {
    return SharedServers.get(context, KafkaServer.class, KafkaServer::start);
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return server().bootstrapServers();
  }

  /** A topic name no other test used. */
  public String uniqueTopic(String prefix) {
    return UniqueNames.uniqueName(prefix);
  }
}
