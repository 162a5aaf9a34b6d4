package app.stride.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.region.StoreKind;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokenIssuerTest {
  @TempDir Path data;

  @Test
  void load_makesOneRegionBoundKeyPerRegion_andPublishesOnlyPublicHalves() throws Exception {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());

    JWKSet published = JWKSet.parse(issuer.publicJwks());

    assertThat(published.getKeys()).hasSize(3).noneMatch(JWK::isPrivate);
    assertThat(published.getKeys())
        .extracting(JWK::getKeyID)
        .anyMatch(kid -> kid.matches("eu-[0-9]{8}-[0-9a-f]{8}"))
        .anyMatch(kid -> kid.matches("us-[0-9]{8}-[0-9a-f]{8}"))
        .anyMatch(kid -> kid.matches("apac-[0-9]{8}-[0-9a-f]{8}"));
  }

  @Test
  void issue_signsWithTheHomeRegionsKey_andTheVerifierAcceptsIt() throws Exception {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());

    for (String region : List.of("eu", "us", "apac")) {
      String token = issuer.issue("ana", region);

      assertThat(SignedJWT.parse(token).getHeader().getKeyID()).startsWith(region + "-");
      assertThat(issuer.verifier().verify(token).homeRegion()).isEqualTo(RegionId.of(region));
    }
  }

  @Test
  void load_keepsTheKeysAcrossRestarts_inAnOwnerOnlyFile() throws Exception {
    String first = LocalTokenIssuer.load(data, Clock.systemUTC()).publicJwks();
    LocalTokenIssuer again = LocalTokenIssuer.load(data, Clock.systemUTC());

    assertThat(again.publicJwks()).isEqualTo(first);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(LocalTokenIssuer.KEYS_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void load_removesTheLegacyUnboundKey() throws Exception {
    Files.writeString(data.resolve(LocalTokenIssuer.LEGACY_KEY_FILE), "{}");

    LocalTokenIssuer.load(data, Clock.systemUTC());

    assertThat(data.resolve(LocalTokenIssuer.LEGACY_KEY_FILE)).doesNotExist();
  }

  @Test
  void load_addsAKeyForARegionNewToTheCatalog_keepingTheOthers() throws Exception {
    LocalTokenIssuer before = LocalTokenIssuer.load(data, Clock.systemUTC());
    RegionCatalog grown =
        RegionCatalog.of(
            List.of(
                RegionCatalog.bundled().require(RegionId.of("eu")),
                new Region(RegionId.of("eu-west"), Cloud.AWS, "eu-west-1", StoreKind.DYNAMODB)));

    LocalTokenIssuer after = LocalTokenIssuer.load(data, grown, Clock.systemUTC());

    String euKid = SignedJWT.parse(before.issue("ana", "eu")).getHeader().getKeyID();
    assertThat(SignedJWT.parse(after.issue("ana", "eu")).getHeader().getKeyID()).isEqualTo(euKid);
    assertThat(SignedJWT.parse(after.issue("ana", "eu-west")).getHeader().getKeyID())
        .startsWith("eu-west-");
    assertThat(after.verifier().verify(after.issue("ana", "eu-west")).homeRegion())
        .isEqualTo(RegionId.of("eu-west"));
  }

  @Test
  void verifier_refusesTheTokensOfAnotherDataFolder() {
    LocalTokenIssuer issuer = LocalTokenIssuer.load(data, Clock.systemUTC());
    LocalTokenIssuer stranger = LocalTokenIssuer.load(data.resolve("other"), Clock.systemUTC());

    assertThatThrownBy(() -> issuer.verifier().verify(stranger.issue("ana", "eu")))
        .isInstanceOf(ProblemException.class);
  }
}
