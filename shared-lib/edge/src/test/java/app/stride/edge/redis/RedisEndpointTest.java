package app.stride.edge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

  @Test
  void fromEnv_withoutUrl_isEmpty_andAnAuthWithoutUrlIsRefused() {
    assertThat(RedisEndpoint.fromEnv(new Env(Map.of()))).isEmpty();
    assertThat(RedisEndpoint.fromEnv(new Env(Map.of("STRIDE_REDIS_URL", " ")))).isEmpty();
    assertThatThrownBy(
            () -> RedisEndpoint.fromEnv(new Env(Map.of("STRIDE_REDIS_AUTH", "test-password"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_REDIS_URL");
  }

  @Test
  void fromEnv_urlAlone_signsInWithTheUrlsOwnCredentials() {
    RedisEndpoint endpoint =
        RedisEndpoint.fromEnv(new Env(Map.of("STRIDE_REDIS_URL", "rediss://cache.internal:6379")))
            .orElseThrow();

    assertThat(endpoint.url()).isEqualTo("rediss://cache.internal:6379");
    assertThat(endpoint.credentials()).isEmpty();
  }

  @Test
  void fromEnv_auth_choosesTheMechanismOnTheClassPathByName() {
    RedisEndpoint endpoint =
        RedisEndpoint.fromEnv(
                new Env(
                    Map.of(
                        "STRIDE_REDIS_URL", "redis://127.0.0.1:6379",
                        "STRIDE_REDIS_AUTH", "test-password",
                        "STRIDE_REDIS_TEST_USER", "edge",
                        "STRIDE_REDIS_TEST_PASSWORD", "s3cret-value")))
            .orElseThrow();

    assertThat(endpoint.credentials()).isPresent();
    assertThat(endpoint.credentials().orElseThrow().resolveCredentials().block().getUsername())
        .isEqualTo("edge");
    assertThat(endpoint.toString()).doesNotContain("s3cret-value");
  }

  @Test
  void fromEnv_unknownMechanism_failsAtStart_namingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                RedisEndpoint.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_REDIS_URL", "redis://127.0.0.1:6379",
                            "STRIDE_REDIS_AUTH", "kerberos"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kerberos")
        .hasMessageContaining("test-password");
  }

  @Test
  void fromEnv_mechanismMissingItsVariables_failsAtStart() {
    assertThatThrownBy(
            () ->
                RedisEndpoint.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_REDIS_URL", "redis://127.0.0.1:6379",
                            "STRIDE_REDIS_AUTH", "test-password"))))
        .hasMessageContaining("STRIDE_REDIS_TEST_USER");
  }

  @Test
  void fromEnv_passwordApart_isSentAsAuthWithoutUser_andExcludesAMechanism() {
    RedisEndpoint endpoint =
        RedisEndpoint.fromEnv(
                new Env(
                    Map.of(
                        "STRIDE_REDIS_URL", "rediss://10.0.0.3:6378",
                        "STRIDE_REDIS_PASSWORD", "0f2c-auth-string")))
            .orElseThrow();

    var credentials = endpoint.credentials().orElseThrow().resolveCredentials().block();
    assertThat(credentials.hasUsername()).isFalse();
    assertThat(new String(credentials.getPassword())).isEqualTo("0f2c-auth-string");
    assertThat(endpoint.toString()).doesNotContain("0f2c-auth-string");
    assertThatThrownBy(
            () ->
                RedisEndpoint.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_REDIS_URL", "rediss://10.0.0.3:6378",
                            "STRIDE_REDIS_PASSWORD", "x",
                            "STRIDE_REDIS_AUTH", "test-password"))))
        .hasMessageContaining("exclusive");
  }

  @Test
  void fromEnv_caWithoutTls_orNotACertificate_orWithoutUrl_isRefusedAtStart() {
    assertThatThrownBy(
            () ->
                RedisEndpoint.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_REDIS_URL", "redis://10.0.0.3:6378",
                            "STRIDE_REDIS_CA_PEM", "-----BEGIN CERTIFICATE-----"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rediss://");
    assertThatThrownBy(
            () ->
                RedisEndpoint.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_REDIS_URL", "rediss://10.0.0.3:6378",
                            "STRIDE_REDIS_CA_PEM", "not a certificate"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_REDIS_CA_PEM");
    assertThatThrownBy(
            () -> RedisEndpoint.fromEnv(new Env(Map.of("STRIDE_REDIS_PASSWORD", "orphan"))))
        .hasMessageContaining("STRIDE_REDIS_URL");
  }

  @Test
  void tlsVerification_neverOff_andChainOnlyJustWithTheServersOwnCa() {
    assertThatThrownBy(() -> RedisEndpoint.of("rediss://10.0.0.3:6378?verifyPeer=NONE"))
        .hasMessageContaining("verification off");
    // Lettuce 7 no longer reads true/false: refused as it parses the URL.
    assertThatThrownBy(() -> RedisEndpoint.of("rediss://10.0.0.3:6378?verifyPeer=false"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisEndpoint.of("rediss://10.0.0.3:6378?verifyPeer=CA"))
        .hasMessageContaining("STRIDE_REDIS_CA_PEM");
  }

  @Test
  void toString_leavesTheUrlsPasswordOut() {
    assertThat(RedisEndpoint.of("redis://edge:hunter2-pass@10.0.0.5:6380/2").toString())
        .contains("10.0.0.5:6380")
        .doesNotContain("hunter2-pass");
  }
}
