package app.stride.aws.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.edge.redis.RedisAuthMechanism;
import app.stride.edge.redis.RedisEndpoint;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ElastiCacheIamAuthTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T23:40:05Z"), ZoneOffset.UTC);
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final ElastiCacheIamAuth AUTH =
      new ElastiCacheIamAuth(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)),
          CLOCK);
  private static final Map<String, String> ENV =
      Map.of(
          "STRIDE_REDIS_URL",
              "rediss://master.stride-cache-eu.abc123.euc1.cache.amazonaws.com:6379",
          "STRIDE_REDIS_AUTH", "elasticache-iam",
          "STRIDE_REDIS_USER", "stride-http-eu",
          "STRIDE_REDIS_CACHE_NAME", "stride-cache-eu",
          "AWS_REGION", "eu-central-1");

  @Test
  void token_isAPresignedConnectForTheUserAndCache_withoutItsScheme() {
    String token = AUTH.token("stride-cache-eu", "stride-http-eu", "eu-central-1");

    assertThat(token).startsWith("stride-cache-eu/?").doesNotContain("http://");
    Map<String, String> query = query(token);
    assertThat(query)
        .containsEntry("Action", "connect")
        .containsEntry("User", "stride-http-eu")
        .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
        .containsEntry(
            "X-Amz-Credential", "AKIDEXAMPLE/20261127/eu-central-1/elasticache/aws4_request")
        .containsEntry("X-Amz-Date", "20261127T234005Z")
        .containsEntry("X-Amz-Expires", "900")
        .containsEntry("X-Amz-SignedHeaders", "host");
    assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
  }

  @Test
  void token_signature_isSigV4OfTheConnectRequest_recomputedIndependently() throws Exception {
    String token = AUTH.token("stride-cache-eu", "stride-http-eu", "eu-central-1");
    Map<String, String> query = query(token);

    assertThat(query.get("X-Amz-Signature"))
        .isEqualTo(sigV4(query, "stride-cache-eu", SECRET, "20261127", "eu-central-1"));
    // A token signed with another key, for another user or at another time is another token.
    ElastiCacheIamAuth otherKey =
        new ElastiCacheIamAuth(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "x" + SECRET)),
            CLOCK);
    assertThat(otherKey.token("stride-cache-eu", "stride-http-eu", "eu-central-1"))
        .isNotEqualTo(token);
    assertThat(AUTH.token("stride-cache-eu", "stride-admin-eu", "eu-central-1"))
        .isNotEqualTo(token);
  }

  @Test
  void token_withTheRolesSessionCredentials_carriesTheSessionToken() {
    ElastiCacheIamAuth session =
        new ElastiCacheIamAuth(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", SECRET, "session/token+1")),
            CLOCK);

    Map<String, String> query =
        query(session.token("stride-cache-eu", "stride-http-eu", "eu-central-1"));

    assertThat(query).containsEntry("X-Amz-Security-Token", "session/token+1");
  }

  @Test
  void credentials_areTheUserAndAFreshTokenAtEachConnect() {
    RedisCredentials credentials =
        AUTH.credentials(RedisURI.create(ENV.get("STRIDE_REDIS_URL")), new Env(ENV))
            .resolveCredentials()
            .block();

    assertThat(credentials.getUsername()).isEqualTo("stride-http-eu");
    assertThat(new String(credentials.getPassword()))
        .isEqualTo(AUTH.token("stride-cache-eu", "stride-http-eu", "eu-central-1"));
  }

  @Test
  void isFoundByName_throughTheEndpointsVariables() {
    assertThat(RedisAuthMechanism.named("elasticache-iam")).isInstanceOf(ElastiCacheIamAuth.class);
    assertThat(RedisEndpoint.fromEnv(new Env(ENV)).orElseThrow().credentials()).isPresent();
  }

  @Test
  void refusesPlainTextRedis_andMalformedIds_atStart() {
    assertThatThrownBy(
            () -> AUTH.credentials(RedisURI.create("redis://10.0.0.5:6379"), new Env(ENV)))
        .hasMessageContaining("rediss://");
    Map<String, String> badUser = new LinkedHashMap<>(ENV);
    badUser.put("STRIDE_REDIS_USER", "Stride&User=admin");
    assertThatThrownBy(
            () -> AUTH.credentials(RedisURI.create(ENV.get("STRIDE_REDIS_URL")), new Env(badUser)))
        .hasMessageContaining("STRIDE_REDIS_USER");
    Map<String, String> noCache = new LinkedHashMap<>(ENV);
    noCache.remove("STRIDE_REDIS_CACHE_NAME");
    assertThatThrownBy(
            () -> AUTH.credentials(RedisURI.create(ENV.get("STRIDE_REDIS_URL")), new Env(noCache)))
        .hasMessageContaining("STRIDE_REDIS_CACHE_NAME");
  }

  private static Map<String, String> query(String token) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : token.substring(token.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** SigV4 query-string signing as AWS documents it, written out here without the SDK. */
  private static String sigV4(
      Map<String, String> query, String host, String secret, String date, String region)
      throws GeneralSecurityException {
    TreeMap<String, String> sorted = new TreeMap<>(query);
    sorted.remove("X-Amz-Signature");
    StringBuilder canonicalQuery = new StringBuilder();
    sorted.forEach(
        (k, v) ->
            canonicalQuery
                .append(canonicalQuery.isEmpty() ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
    String canonicalRequest =
        String.join(
            "\n", "GET", "/", canonicalQuery, "host:" + host, "", "host", hex(sha256(new byte[0])));
    String scope = date + "/" + region + "/elasticache/aws4_request";
    String toSign =
        String.join(
            "\n",
            "AWS4-HMAC-SHA256",
            query.get("X-Amz-Date"),
            scope,
            hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, "elasticache");
    key = hmac(key, "aws4_request");
    return hex(hmac(key, toSign));
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static byte[] sha256(byte[] data) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
