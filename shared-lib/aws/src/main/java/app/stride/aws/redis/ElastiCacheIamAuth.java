package app.stride.aws.redis;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.config.Env;
import app.stride.edge.redis.RedisAuthMechanism;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * ElastiCache's IAM sign-in ({@code STRIDE_REDIS_AUTH=elasticache-iam}): no password exists
 * anywhere; at each connect the function signs, with its own role's credentials, a SigV4 presigned
 * {@code connect} request for its cache user, and sends it as the {@code AUTH} password.
 * ElastiCache checks the signature and that the role may {@code elasticache:Connect} to the
 * replication group as that user. A token lives {@value #TOKEN_SECONDS} seconds, long enough for
 * one connect; the connection it opens is closed by ElastiCache after 12 hours, and the next call
 * connects with a fresh token (the Redis plumbing never reuses one).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code STRIDE_REDIS_URL}</td><td>{@code rediss://} and the replication group's
 *       primary endpoint (IAM sign-in requires TLS)</td></tr>
 *   <tr><td>{@value #USER}</td><td>the cache user, whose id and name are the same (ElastiCache
 *       requires it for IAM users)</td></tr>
 *   <tr><td>{@value #CACHE}</td><td>the replication group's id, which the token is signed
 *       for</td></tr>
 *   <tr><td>{@code AWS_REGION}</td><td>the region (Lambda sets it)</td></tr>
 * </table>
 */
public final class ElastiCacheIamAuth implements RedisAuthMechanism {

  /** The value of {@code STRIDE_REDIS_AUTH} choosing this sign-in. */
  public static final String NAME = "elasticache-iam";

  /** Variable naming the cache user. */
  public static final String USER = "STRIDE_REDIS_USER";

  /** Variable naming the replication group. */
  public static final String CACHE = "STRIDE_REDIS_CACHE_NAME";

  /** A token's lifetime, the most ElastiCache accepts. */
  public static final long TOKEN_SECONDS = 900;

  private static final String SERVICE = "elasticache";

  // ElastiCache ids: lowercase letters, digits and hyphens, starting with a letter.
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private final AwsCredentialsProvider credentials;
  private final Clock clock;

  /** The function's own credentials and the system clock (the one {@code ServiceLoader} uses). */
  public ElastiCacheIamAuth() {
    this(AwsClientDefaults.cloudCredentials(), Clock.systemUTC());
  }

  /** Signs with {@code credentials} at {@code clock}'s time. */
  public ElastiCacheIamAuth(AwsCredentialsProvider credentials, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RedisCredentialsProvider credentials(RedisURI uri, Env env) {
    if (!uri.isSsl()) {
      throw new IllegalStateException(
          NAME + " needs TLS: STRIDE_REDIS_URL must start with rediss://");
    }
    String user = id(env, USER);
    String cache = id(env, CACHE);
    String region = env.require("AWS_REGION");
    return RedisCredentialsProvider.from(
        () -> RedisCredentials.just(user, token(cache, user, region)));
  }

  /**
   * The password for one connect: the presigned {@code GET http://<cache>/?Action=connect&User=
   * <user>} without its scheme.
   */
  public String token(String cache, String user, String region) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .protocol("http")
            .host(cache)
            .encodedPath("/")
            .putRawQueryParameter("Action", "connect")
            .putRawQueryParameter("User", user)
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials.resolveCredentials())
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            AwsV4HttpSigner.AUTH_LOCATION,
                            AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(
                            AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(TOKEN_SECONDS))
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    return signed.request().getUri().toString().substring("http://".length());
  }

  private static String id(Env env, String name) {
    String value = env.require(name).trim();
    if (!ID.matcher(value).matches()) {
      throw new IllegalStateException(name + " is not an ElastiCache id: " + value);
    }
    return value;
  }
}
