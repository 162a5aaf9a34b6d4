package app.stride.edge.redis;

import app.stride.core.config.Env;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test sign-in found through {@code META-INF/services}: user {@code STRIDE_REDIS_TEST_USER} with
 * password {@code STRIDE_REDIS_TEST_PASSWORD}, counting how often a connect asked for them.
 */
public final class CountingPasswordAuth implements RedisAuthMechanism {
  static final String NAME = "test-password";
  static final AtomicInteger ASKED = new AtomicInteger();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RedisCredentialsProvider credentials(RedisURI uri, Env env) {
    String user = env.require("STRIDE_REDIS_TEST_USER");
    String password = env.require("STRIDE_REDIS_TEST_PASSWORD");
    return RedisCredentialsProvider.from(
        () -> {
          ASKED.incrementAndGet();
          return RedisCredentials.just(user, password);
        });
  }
}
