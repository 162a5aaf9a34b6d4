package app.stride.testkit.junit;

import app.stride.testkit.server.RedisServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's redis-server, started once per JVM and emptied ({@code FLUSHALL}) before each test
 * class. If redis-server is not installed the class fails with the command that installs it.
 */
public final class RedisExtension extends LocalServerExtension<RedisServer> {

  static final String SERVER = "redis-server (Debian package redis-server)";

  @Override
  protected RedisServer acquire(ExtensionContext context) {
    ServerRequirement.requireInstalled(suiteName(context), SERVER, RedisServer.availability());
    return SharedServers.get(context, RedisServer.class, RedisServer::start);
  }

  @Override
  protected void prepareForClass(RedisServer server) {
    server.flushAll();
  }

  /** {@code redis://127.0.0.1:P}, for Lettuce's {@code RedisClient.create(...)}. */
  public String redisUri() {
    return endpoint().toString();
  }

  /** Sends one command over RESP and returns the reply, e.g. {@code command("GET", "k")}. */
  public String command(String... args) {
    return server().command(args);
  }
}
