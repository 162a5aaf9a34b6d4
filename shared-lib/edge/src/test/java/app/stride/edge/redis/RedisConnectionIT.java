package app.stride.edge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.testkit.server.RedisServer;
import app.stride.testkit.server.TestCertificates;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared Redis plumbing against a real redis-server of its own, stopped and started again. */
class RedisConnectionIT {
  private static final LuaScript INCREMENT =
      new LuaScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");

  private RedisServer server;
  private RedisClient client;
  private RedisConnection redis;

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void script_runsByItsDigest_andIsSentAgainAfterTheServerForgotIt() {
    start(RedisServer.start());

    assertThat(run("counter", 2)).isEqualTo(2L);
    server.command("SCRIPT", "FLUSH");

    assertThat(run("counter", 3)).isEqualTo(5L);
    List<Boolean> known = redis.call(commands -> commands.scriptExists(INCREMENT.sha1()));
    assertThat(known).containsExactly(true);
  }

  @Test
  void failures_becomeTheCallersException_andTheNextCallReconnects() {
    start(RedisServer.start());
    int port = server.port();
    assertThat(run("counter", 1)).isEqualTo(1L);

    server.close();
    server = null;
    assertThatThrownBy(() -> run("counter", 1))
        .isInstanceOf(Unavailable.class)
        .hasMessageStartingWith("Redis");

    server = RedisServer.start(port);
    assertThat(run("counter", 1)).isEqualTo(1L);
  }

  @Test
  void endpointCredentials_signIn_andAreAskedAgainAtEveryConnect() {
    server = RedisServer.start();
    // The access string infra gives the functions' ElastiCache user (RegionRedis.FUNCTION_ACCESS).
    server.command("ACL", "SETUSER", "edge", "on", ">first-pass", "~*", "+@all", "-@dangerous");
    RedisEndpoint endpoint =
        RedisEndpoint.fromEnv(
                new Env(
                    Map.of(
                        "STRIDE_REDIS_URL",
                        server.endpoint().toString(),
                        "STRIDE_REDIS_AUTH",
                        CountingPasswordAuth.NAME,
                        "STRIDE_REDIS_TEST_USER",
                        "edge",
                        "STRIDE_REDIS_TEST_PASSWORD",
                        "first-pass")))
            .orElseThrow();
    client = RedisConnection.failFastClient(endpoint, Duration.ofMillis(500));
    redis = new RedisConnection(client, Unavailable::new);
    int askedBefore = CountingPasswordAuth.ASKED.get();

    String who = redis.call(commands -> commands.aclWhoami());
    assertThat(who).isEqualTo("edge");
    assertThat(run("counter", 1)).isEqualTo(1L);
    server.command("SCRIPT", "FLUSH");
    assertThat(run("counter", 1)).as("the script loaded again by that user").isEqualTo(2L);
    int askedAtFirstConnect = CountingPasswordAuth.ASKED.get();
    assertThat(askedAtFirstConnect).isGreaterThan(askedBefore);

    // The password changes and the connection drops: the next connect asks again and is refused.
    server.command("ACL", "SETUSER", "edge", "resetpass", ">second-pass");
    server.command("CLIENT", "KILL", "USER", "edge");
    assertThatThrownBy(() -> run("counter", 1)).isInstanceOf(Unavailable.class);
    assertThatThrownBy(() -> run("counter", 1)).isInstanceOf(Unavailable.class);
    assertThat(CountingPasswordAuth.ASKED.get())
        .as("asked again")
        .isGreaterThan(askedAtFirstConnect);
    assertThat(server.command("GET", "counter")).isEqualTo("2");
  }

  @Test
  void tls_trustsTheEndpointsCaAlone_andSignsInWithThePasswordOfItsOwnVariable(@TempDir Path dir) {
    TestCertificates certificates = TestCertificates.create(dir.resolve("ours"));
    TestCertificates stranger = TestCertificates.create(dir.resolve("stranger"));
    server = RedisServer.startWithTls(certificates);
    server.command("CONFIG", "SET", "requirepass", "auth-string-from-a-secret");
    String url = server.tlsEndpoint().orElseThrow().toString();

    assertThat(counter(url, "auth-string-from-a-secret", certificates.caPem()))
        .as("our CA, the password")
        .isEqualTo(1L);
    assertThatThrownBy(() -> counter(url, "auth-string-from-a-secret", stranger.caPem()))
        .as("a server certificate from another CA")
        .isInstanceOf(Unavailable.class);
    assertThatThrownBy(() -> counter(url, "auth-string-from-a-secret", null))
        .as("the JVM's own trust store does not know a private CA")
        .isInstanceOf(Unavailable.class);
    assertThatThrownBy(() -> counter(url, "guessed", certificates.caPem()))
        .as("a wrong password")
        .isInstanceOf(Unavailable.class);
    assertThat(counter(url, "auth-string-from-a-secret", certificates.caPem())).isEqualTo(2L);
  }

  @Test
  void aCertificateNamingItsIpInTheCommonNameOnly_passesWithTheChainCheckAgainstItsOwnCa(
      @TempDir Path dir) {
    // Memorystore's server certificates name the instance's IP in the common name; the JDK matches
    // an IP against subject alternative names only, so the full check refuses them.
    TestCertificates certificates = TestCertificates.withoutAlternativeNames(dir.resolve("ours"));
    TestCertificates stranger = TestCertificates.withoutAlternativeNames(dir.resolve("stranger"));
    server = RedisServer.startWithTls(certificates);
    server.command("CONFIG", "SET", "requirepass", "auth-string-from-a-secret");
    String url = server.tlsEndpoint().orElseThrow().toString();

    assertThatThrownBy(() -> counter(url, "auth-string-from-a-secret", certificates.caPem()))
        .as("the host name check")
        .isInstanceOf(Unavailable.class);
    assertThat(counter(url + "?verifyPeer=CA", "auth-string-from-a-secret", certificates.caPem()))
        .as("the chain, ending at the server's own CA")
        .isEqualTo(1L);
    assertThatThrownBy(
            () -> counter(url + "?verifyPeer=CA", "auth-string-from-a-secret", stranger.caPem()))
        .as("another CA's certificate, with the chain check alone")
        .isInstanceOf(Unavailable.class);
  }

  /** Increments {@code counter} over a connection of its own to {@code url}. */
  private static long counter(String url, String password, String caPem) {
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_REDIS_URL", url);
    env.put("STRIDE_REDIS_PASSWORD", password);
    if (caPem != null) {
      env.put("STRIDE_REDIS_CA_PEM", caPem);
    }
    RedisEndpoint endpoint = RedisEndpoint.fromEnv(new Env(env)).orElseThrow();
    RedisClient client = RedisConnection.failFastClient(endpoint, Duration.ofSeconds(2));
    try (RedisConnection connection = new RedisConnection(client, Unavailable::new)) {
      Long value = connection.call(commands -> commands.incr("counter"));
      return value;
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private long run(String key, int by) {
    Long value =
        redis.call(
            commands ->
                INCREMENT.run(
                    commands, ScriptOutputType.INTEGER, new String[] {key}, Integer.toString(by)));
    return value;
  }

  private void start(RedisServer started) {
    server = started;
    RedisURI uri = RedisURI.create(server.endpoint().toString());
    uri.setTimeout(Duration.ofMillis(500));
    client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500)))
            .build());
    redis = new RedisConnection(client, Unavailable::new);
  }

  /** The caller's own failure type. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
