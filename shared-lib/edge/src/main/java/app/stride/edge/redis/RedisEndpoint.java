package app.stride.edge.redis;

import app.stride.core.config.Env;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's Redis as a function reaches it: the URL ({@code redis://host:port/db}, or {@code
 * rediss://} for TLS, with any user and password in it; TLS checks the server's certificate chain
 * and host name, or with {@code ?verifyPeer=CA} the chain alone, allowed only when the chain must
 * end at the server's own CA, {@value #CA_PEM}; never off), the credentials when they come from
 * elsewhere (a password from a secret, or a cloud's short-lived token asked at every connect), and
 * the certificate authority to trust when the server's is not a public one (Memorystore's).
 *
 * @param url the Redis URL
 * @param credentials credentials for each connection; empty uses the URL's own (if any)
 * @param caPem the PEM certificates trusted for TLS instead of the JVM's; empty: the JVM's
 */
public record RedisEndpoint(
    String url, Optional<RedisCredentialsProvider> credentials, Optional<String> caPem) {

  /** Variable naming the Redis. */
  public static final String URL = "STRIDE_REDIS_URL";

  /**
   * Variable naming the {@link RedisAuthMechanism} to sign in with (e.g. {@code elasticache-iam});
   * absent: the URL's own credentials.
   */
  public static final String AUTH = "STRIDE_REDIS_AUTH";

  /**
   * Variable holding the password (Redis {@code AUTH <password>}) when a secret delivers it apart
   * from the URL; not with {@value #AUTH}.
   */
  public static final String PASSWORD = "STRIDE_REDIS_PASSWORD";

  /** Variable holding the PEM certificate(s) of the authority that signed the server's. */
  public static final String CA_PEM = "STRIDE_REDIS_CA_PEM";

  /**
   * Validates the URL's syntax, and that a CA goes with TLS and parses as X.509 certificates.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public RedisEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(caPem, "caPem");
    RedisURI uri = RedisURI.create(url);
    if (caPem.isPresent()) {
      if (!uri.isSsl()) {
        throw new IllegalArgumentException(CA_PEM + " is set but the Redis URL is not rediss://");
      }
      requireCertificates(caPem.get());
    }
    if (uri.isSsl() && uri.getVerifyMode() == SslVerifyMode.NONE) {
      throw new IllegalArgumentException("the Redis URL turns TLS verification off (verifyPeer)");
    }
    if (uri.isSsl() && uri.getVerifyMode() == SslVerifyMode.CA && caPem.isEmpty()) {
      // Any certificate a public CA signed would pass a chain check without a host name check.
      throw new IllegalArgumentException("verifyPeer=CA needs the server's own CA in " + CA_PEM);
    }
  }

  /** The Redis at {@code url}, signed in with the URL's own credentials (if any). */
  public static RedisEndpoint of(String url) {
    return new RedisEndpoint(url, Optional.empty(), Optional.empty());
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
    Optional<String> password = env.optional(PASSWORD).filter(p -> !p.isEmpty());
    Optional<String> caPem = env.optional(CA_PEM).map(String::trim).filter(c -> !c.isEmpty());
    if (url.isEmpty()) {
      for (String other : new String[] {AUTH, PASSWORD, CA_PEM}) {
        if (env.optional(other).filter(v -> !v.isBlank()).isPresent()) {
          throw new IllegalStateException(other + " is set but " + URL + " is not");
        }
      }
      return Optional.empty();
    }
    if (auth.isPresent() && password.isPresent()) {
      throw new IllegalStateException(AUTH + " and " + PASSWORD + " are exclusive: set one");
    }
    RedisURI uri = RedisURI.create(url.get());
    Optional<RedisCredentialsProvider> credentials =
        auth.map(name -> RedisAuthMechanism.named(name).credentials(uri, env))
            .or(() -> password.map(RedisEndpoint::passwordOnly));
    try {
      return Optional.of(new RedisEndpoint(url.get(), credentials, caPem));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static RedisCredentialsProvider passwordOnly(String password) {
    RedisCredentials credentials = RedisCredentials.just(null, password);
    return RedisCredentialsProvider.from(() -> credentials);
  }

  private static void requireCertificates(String pem) {
    try {
      var certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(CA_PEM + " holds no certificate");
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(CA_PEM + " is not PEM X.509: " + e.getMessage(), e);
    }
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
        + (credentials.isPresent() ? ", credentials apart" : "")
        + (caPem.isPresent() ? ", own CA" : "")
        + "]";
  }
}
