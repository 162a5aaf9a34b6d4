package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.RedisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerIT {

  /**
   * Applies the missing-server policy: fails with the install command if redis-server is absent.
   */
  @RegisterExtension static final RedisExtension REQUIRES_REDIS = new RedisExtension();

  @Test
  void flushAll_removesEveryKey_andCloseStopsTheProcess() {
    RedisServer redis = RedisServer.start();
    int port = redis.port();
    try {
      redis.command("SET", "a", "1");
      redis.command("SET", "b", "2");

      redis.flushAll();

      assertThat(redis.command("DBSIZE")).isEqualTo("0");
    } finally {
      redis.close();
    }
    assertThat(Loopback.accepts(Loopback.HOST, port)).as("port freed after close").isFalse();
  }
}
