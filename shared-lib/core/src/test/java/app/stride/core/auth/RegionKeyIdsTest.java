package app.stride.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionKeyIdsTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant CREATED = Instant.parse("2026-11-26T23:59:59Z");

  @Test
  void newKeyId_isRegionUtcDayAndEightHexDigits() {
    String kid = RegionKeyIds.newKeyId(EU, CREATED);

    assertThat(kid).matches("eu-20261126-[0-9a-f]{8}");
    assertThat(RegionKeyIds.belongsTo(kid, EU)).isTrue();
  }

  @Test
  void newKeyId_drawsItsRandomPartFromTheGivenSource() {
    assertThat(RegionKeyIds.newKeyId(EU, CREATED, new Random(7)))
        .isEqualTo(RegionKeyIds.newKeyId(EU, CREATED, new Random(7)))
        .isNotEqualTo(RegionKeyIds.newKeyId(EU, CREATED, new Random(8)));
  }

  @Test
  void belongsTo_refusesAnotherRegionsKey() {
    assertThat(RegionKeyIds.belongsTo("us-20261126-1a2b3c4d", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("apac-20261126-1a2b3c4d", RegionId.of("ap"))).isFalse();
  }

  @Test
  void belongsTo_refusesAKeyOfARegionWhoseIdExtendsThisOne() {
    assertThat(RegionKeyIds.belongsTo("eu-west-20261126-1a2b3c4d", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu-west-20261126-1a2b3c4d", RegionId.of("eu-west")))
        .isTrue();
  }

  @Test
  void belongsTo_refusesKeyIdsOutsideTheForm() {
    assertThat(RegionKeyIds.belongsTo(null, EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu-", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu-k1", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu-20261126-1A2B3C4D", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("eu-20261126-1a2b3c4d-x", EU)).isFalse();
    assertThat(RegionKeyIds.belongsTo("EU-20261126-1a2b3c4d", EU)).isFalse();
  }
}
