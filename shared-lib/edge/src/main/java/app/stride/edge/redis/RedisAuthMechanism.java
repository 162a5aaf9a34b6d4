package app.stride.edge.redis;

import app.stride.core.config.Env;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A way of signing in to a Redis that the URL cannot carry, such as a token a cloud issues for each
 * connection. Implementations are found with {@link ServiceLoader} (a {@code
 * META-INF/services/app.stride.edge.redis.RedisAuthMechanism} line in the jar that brings one) and
 * chosen by name with {@value RedisEndpoint#AUTH}, so cloud-neutral code never names a cloud.
 */
public interface RedisAuthMechanism {

  /** The value of {@value RedisEndpoint#AUTH} that chooses this mechanism. */
  String name();

  /**
   * The credentials for every connection to {@code uri}, asked again at each connect.
   *
   * @param uri the Redis, parsed from {@value RedisEndpoint#URL}
   * @param env the function's settings (the mechanism's own variables)
   * @throws IllegalStateException when a variable the mechanism needs is missing or malformed
   */
  RedisCredentialsProvider credentials(RedisURI uri, Env env);

  /**
   * The mechanism called {@code name} on the class path.
   *
   * @throws IllegalStateException when none is, naming the ones that are
   */
  static RedisAuthMechanism named(String name) {
    List<String> known = new ArrayList<>();
    for (RedisAuthMechanism mechanism : ServiceLoader.load(RedisAuthMechanism.class)) {
      if (mechanism.name().equals(name)) {
        return mechanism;
      }
      known.add(mechanism.name());
    }
    throw new IllegalStateException(
        RedisEndpoint.AUTH
            + " names no Redis sign-in on the class path: "
            + name
            + " (known: "
            + known
            + ")");
  }
}
