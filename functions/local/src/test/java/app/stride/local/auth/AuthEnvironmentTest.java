package app.stride.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.token.AccessTokenIssuer;
import app.stride.auth.token.KeyRing;
import app.stride.core.auth.Principal;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthEnvironmentTest {
  private static final List<RegionId> REGIONS =
      List.of(RegionId.of("eu"), RegionId.of("us"), RegionId.of("apac"));

  @TempDir Path data;

  @Test
  void signingKey_isTheRegionsDevKey_soAuthTokensVerifyWhereDevTokensDo() {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());
    Map<String, String> env = environment(Optional.empty()).forRegion(RegionId.of("us"), issuer);

    KeyRing ring = KeyRing.fromJson(env.get("STRIDE_LOCAL_SIGNING_KEY"));
    String token =
        new AccessTokenIssuer(
                LocalTokenIssuer.ISSUER,
                LocalTokenIssuer.AUDIENCE,
                Duration.ofMinutes(15),
                Clock.systemUTC())
            .issue(ring, "usr_1", Set.of("stride"), List.of("pwd"))
            .token();
    Principal caller = issuer.verifier().verify(token);

    assertThat(ring.region()).isEqualTo(RegionId.of("us"));
    assertThat(ring.keys()).hasSize(1);
    assertThat(ring.signingKey().kid())
        .isEqualTo(issuer.signingKey(RegionId.of("us")).getKeyID())
        .startsWith("us-");
    assertThat(ring.publicJwks().getKeys().get(0).getAlgorithm().getName()).isEqualTo("ES256");
    assertThat(ring.publicJwks().getKeys().get(0).getKeyUse().identifier()).isEqualTo("sig");
    assertThat(caller.userId()).isEqualTo("usr_1");
    assertThat(caller.homeRegion()).isEqualTo(RegionId.of("us"));
  }

  @Test
  void forRegion_namesTheDirectoryMailAndGateway_andARedisDatabasePerRegion() {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());
    AuthEnvironment auth = environment(Optional.of(URI.create("redis://127.0.0.1:6390")));

    Map<String, String> eu = auth.forRegion(RegionId.of("eu"), issuer);
    Map<String, String> apac = auth.forRegion(RegionId.of("apac"), issuer);

    assertThat(eu)
        .containsEntry("STRIDE_DIRECTORY_URL", "http://127.0.0.1:7000")
        .containsEntry("STRIDE_PUBLIC_URL", "http://localhost:8080")
        .containsEntry("STRIDE_SMTP_HOST", "127.0.0.1")
        .containsEntry("STRIDE_SMTP_PORT", "2525")
        .containsEntry("STRIDE_MAIL_FROM", "no-reply@stride.local")
        .containsEntry("STRIDE_REDIS_URL", "redis://127.0.0.1:6390/0");
    assertThat(apac).containsEntry("STRIDE_REDIS_URL", "redis://127.0.0.1:6390/2");
    assertThat(eu.get("STRIDE_DIRECTORY_SECRET")).isEqualTo(apac.get("STRIDE_DIRECTORY_SECRET"));
  }

  @Test
  void withoutRedis_noRedisUrl() {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());

    assertThat(environment(Optional.empty()).forRegion(RegionId.of("eu"), issuer))
        .doesNotContainKey("STRIDE_REDIS_URL");
  }

  private AuthEnvironment environment(Optional<URI> redis) {
    return new AuthEnvironment(
        DirectorySecret.loadOrCreate(data),
        URI.create("http://127.0.0.1:7000"),
        DirectorySecret.random(),
        URI.create("http://localhost:8080"),
        "127.0.0.1",
        2525,
        redis,
        REGIONS);
  }
}
