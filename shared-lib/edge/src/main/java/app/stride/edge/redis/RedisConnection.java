package app.stride.edge.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One multiplexed connection to a Redis, opened on first use and dropped after any failed command,
 * so that the next call connects afresh instead of waiting on a broken socket. Every failure
 * (connect or command) becomes the caller's own exception type. Thread-safe.
 */
public final class RedisConnection implements AutoCloseable {
  private final RedisClient client;
  private final BiFunction<String, Throwable, ? extends RuntimeException> failure;
  private final Object connecting = new Object();
  private volatile StatefulRedisConnection<String, String> connection;

  /**
   * @param client the client (its options set the timeouts); not shut down by {@link #close()}
   * @param failure builds the exception thrown for a failed connect or command from a message and
   *     the cause
   */
  public RedisConnection(
      RedisClient client, BiFunction<String, Throwable, ? extends RuntimeException> failure) {
    this.client = Objects.requireNonNull(client, "client");
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * A client for {@code redisUri} ({@code redis://host:port[/db]} or {@code rediss://...}) that
   * fails fast, signed in with the URL's own credentials: see {@link #failFastClient(RedisEndpoint,
   * Duration)}.
   */
  public static RedisClient failFastClient(String redisUri, Duration timeout) {
    return failFastClient(RedisEndpoint.of(redisUri), timeout);
  }

  /**
   * A client for {@code endpoint} that fails fast: connect and command time out after {@code
   * timeout}, no automatic reconnect (this class reconnects on the next call, asking the endpoint's
   * credentials provider again), commands refused while disconnected; with the endpoint's CA, TLS
   * trusts that authority alone (and still checks the host name). Does not connect yet.
   */
  public static RedisClient failFastClient(RedisEndpoint endpoint, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timeout, "timeout");
    RedisURI uri = RedisURI.create(endpoint.url());
    uri.setTimeout(timeout);
    endpoint.credentials().ifPresent(uri::setCredentialsProvider);
    RedisClient client = RedisClient.create(uri);
    ClientOptions.Builder options = ClientOptions.builder();
    endpoint.caPem().ifPresent(pem -> options.sslOptions(trusting(pem)));
    client.setOptions(
        options
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    return client;
  }

  /** TLS that trusts only the authority in {@code pem}, with the JDK's TLS. */
  private static SslOptions trusting(String pem) {
    byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
    return SslOptions.builder()
        .jdkSslProvider()
        .trustManager(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  /** Runs {@code command} on the connection, connecting first when there is none. */
  public <T> T call(Function<RedisCommands<String, String>, T> command) {
    StatefulRedisConnection<String, String> current = connected();
    try {
      return command.apply(current.sync());
    } catch (RuntimeException e) {
      synchronized (connecting) {
        if (connection == current) {
          drop();
        }
      }
      throw failure.apply("Redis command failed", e);
    }
  }

  private StatefulRedisConnection<String, String> connected() {
    StatefulRedisConnection<String, String> current = connection;
    if (current != null && current.isOpen()) {
      return current;
    }
    synchronized (connecting) {
      if (connection != null && connection.isOpen()) {
        return connection;
      }
      drop();
      try {
        connection = client.connect();
        return connection;
      } catch (RuntimeException e) {
        throw failure.apply("Redis connect failed", e);
      }
    }
  }

  private void drop() {
    StatefulRedisConnection<String, String> current = connection;
    connection = null;
    if (current != null) {
      current.closeAsync();
    }
  }

  /** Closes the connection (the client stays open). */
  @Override
  public void close() {
    synchronized (connecting) {
      drop();
    }
  }
}
