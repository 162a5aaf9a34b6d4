package app.stride.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenVerifiersTest {
  private final TestKeys keys = TestKeys.forRegion("eu");

  @Test
  void fromEnv_refusesAnInlineJwksOutsideLocalMode() {
    Env cloud =
        new Env(
            Map.of(
                "STRIDE_JWT_ISSUER", TestKeys.ISSUER,
                "STRIDE_JWT_AUDIENCE", TestKeys.AUDIENCE,
                "STRIDE_LOCAL_JWKS", keys.publicJwks().toString()));

    assertThatThrownBy(() -> TokenVerifiers.fromEnv(cloud, Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_LOCAL_MODE");
  }

  @Test
  void fromEnv_inLocalMode_trustsExactlyTheInlineKeys() {
    Env local =
        new Env(
            Map.of(
                "STRIDE_JWT_ISSUER",
                TestKeys.ISSUER,
                "STRIDE_JWT_AUDIENCE",
                TestKeys.AUDIENCE,
                "STRIDE_LOCAL_MODE",
                "true",
                "STRIDE_LOCAL_JWKS",
                keys.publicJwks().toString()));
    TokenVerifier verifier = TokenVerifiers.fromEnv(local, Clock.systemUTC());
    TestKeys stranger = new TestKeys(keys.kid());

    assertThat(verifier.verify(keys.sign(keys.claims("ana", "eu", Instant.now()).build())).userId())
        .isEqualTo("ana");
    assertThatThrownBy(
            () ->
                verifier.verify(stranger.sign(stranger.claims("ana", "eu", Instant.now()).build())))
        .isInstanceOf(app.stride.core.problem.ProblemException.class);
  }

  @Test
  void fromEnv_withoutIssuerOrAudience_fails() {
    assertThatThrownBy(() -> TokenVerifiers.fromEnv(new Env(Map.of()), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class);
  }
}
