package app.stride.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCatalogTest {
  @Test
  void bundled_hasThreeRegionsOnTwoClouds() {
    RegionCatalog catalog = RegionCatalog.bundled();

    assertThat(catalog.all()).extracting(r -> r.id().value()).containsExactly("eu", "us", "apac");
    assertThat(catalog.require(RegionId.of("apac")).cloud()).isEqualTo(Cloud.GCP);
    assertThat(catalog.require(RegionId.of("eu")).store()).isEqualTo(StoreKind.DYNAMODB);
  }

  @Test
  void fromEnvironment_readsAnAddedRegionFromConfigurationOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("regions.json");
    Files.writeString(
        file,
        "{\"regions\":[{\"id\":\"sa\",\"cloud\":\"aws\",\"cloudRegion\":\"sa-east-1\",\"store\":\"dynamodb\"}]}");

    RegionCatalog catalog =
        RegionCatalog.fromEnvironment(Map.of("STRIDE_REGIONS_FILE", file.toString()));

    assertThat(catalog.require(RegionId.of("sa")).cloudRegion()).isEqualTo("sa-east-1");
  }

  @Test
  void regionId_refusesMalformedIds() {
    assertThatThrownBy(() -> RegionId.of("EU")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegionId.of("eu/../us")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegionId.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void residencyGuard_refusesForeignHomeRegion() {
    ResidencyGuard guard = new ResidencyGuard(RegionId.of("eu"));

    guard.requireHome(RegionId.of("eu"));
    assertThatThrownBy(() -> guard.requireHome(RegionId.of("us")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri());
              assertThat(e.problem().status()).isEqualTo(421);
            });
  }
}
