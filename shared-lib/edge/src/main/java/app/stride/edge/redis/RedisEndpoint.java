package app.stride.edge.redis;

import app.stride.core.config.Env;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's Redis as a function reaches it: the URL ({@code redis://host:port/db}, or {@code
 * rediss://} for TLS, with any user and password in it) and, when the cloud issues short-lived
 * credentials instead, the provider asked at every connect.
 *
 * @param url the Redis URL
 * @param credentials credentials for each connection; empty uses the URL's own (if any)
 */
public record RedisEndpoint(String url, Optional<RedisCredentialsProvider> credentials) {

  /** Variable naming the Redis. */
  public static final String URL = "STRIDE_REDIS_URL";

  /**
   * Variable naming the {@link RedisAuthMechanism} to sign in with (e.g. {@code elasticache-iam});
   * absent: the URL's own credentials.
   */
  public static final String AUTH = "STRIDE_REDIS_AUTH";

  /** Validates the URL's syntax. */
  public RedisEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    RedisURI.create(url);
  }

  /** The Redis at {@code url}, signed in with the URL's own credentials (if any). */
  public static RedisEndpoint of(String url) {
    return new RedisEndpoint(url, Optional.empty());
  }

  /**
   * The Redis {@code env} names with {@value #URL} and {@value #AUTH}; empty when {@value #URL} is
   * absent.
   *
   * @throws IllegalStateException when {@value #AUTH} is set without {@value #URL}, names no
   *     mechanism on the class path, or the mechanism's own variables are missing
   */
  public static Optional<RedisEndpoint> fromEnv(Env env) {
    Optional<String> url = env.optional(URL).map(String::trim).filter(u -> !u.isEmpty());
    Optional<String> auth = env.optional(AUTH).map(String::trim).filter(a -> !a.isEmpty());
    if (url.isEmpty()) {
      if (auth.isPresent()) {
        throw new IllegalStateException(AUTH + " is set but " + URL + " is not");
      }
      return Optional.empty();
    }
    if (auth.isEmpty()) {
      return Optional.of(of(url.get()));
    }
    RedisURI uri = RedisURI.create(url.get());
    RedisAuthMechanism mechanism = RedisAuthMechanism.named(auth.get());
    return Optional.of(new RedisEndpoint(url.get(), Optional.of(mechanism.credentials(uri, env))));
  }

  /** The URL without its password, for logs and messages. */
  @Override
  public String toString() {
    RedisURI uri = RedisURI.create(url);
    return "RedisEndpoint["
        + (uri.isSsl() ? "rediss://" : "redis://")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + (credentials.isPresent() ? ", per-connection credentials" : "")
        + "]";
  }
}
