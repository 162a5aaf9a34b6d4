package app.stride.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void bootstrap_hasOneCurrentKey_whoseIdBindsTheRegionAndDay() {
    KeyRing ring = KeyRing.bootstrap(EU, NOW);

    assertThat(ring.keys()).singleElement().isEqualTo(ring.signingKey());
    assertThat(ring.signingKey().state()).isEqualTo(KeyState.CURRENT);
    assertThat(ring.signingKey().kid()).matches("eu-20261126-[0-9a-f]{8}");
    assertThat(ring.nextKey()).isEmpty();
    assertThat(ring.version()).isEqualTo(1);
  }

  @Test
  void kidFormat_bindsTheRegion_evenForRegionIdsWithDashes() {
    KeyRing ring = KeyRing.bootstrap(RegionId.of("eu-west"), NOW);

    assertThat(ring.signingKey().kid()).matches("eu-west-20261126-[0-9a-f]{8}");
    assertThatThrownBy(() -> new KeyRing(EU, ring.keys(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region eu");
  }

  @Test
  void publicJwks_publishesEveryKeyOfTheRing_withoutPrivateParts() {
    KeyRing ring = withNextAndRetired();

    assertThat(ring.publicJwks().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactlyInAnyOrderElementsOf(ring.keys().stream().map(SigningKey::kid).toList());
    assertThat(ring.publicJwks().getKeys()).noneMatch(JWK::isPrivate);
    assertThat(ring.publicJwks().toString(false)).doesNotContain("\"d\"");
  }

  @Test
  void json_roundTrip_keepsEverything_includingPrivateKeys() throws Exception {
    KeyRing ring = withNextAndRetired();

    KeyRing read = KeyRing.fromJson(ring.toJson());

    assertThat(read).isEqualTo(ring);
    assertThat(read.signingKey().jwk().isPrivate()).isTrue();
    assertThat(read.signingKey().jwk().toECPrivateKey().getEncoded())
        .isEqualTo(ring.signingKey().jwk().toECPrivateKey().getEncoded());
  }

  @Test
  void json_roundTrip_readKeysStillSignTokensTheVerifierAccepts() {
    KeyRing read = KeyRing.fromJson(KeyRing.bootstrap(EU, NOW).toJson());

    String token =
        TokenFixtures.issuerAt(NOW)
            .issue(read, "user-1", Set.of("profile:read"), List.of("pwd"))
            .token();

    assertThat(TokenFixtures.verifierOf(read, NOW).verify(token).userId()).isEqualTo("user-1");
  }

  @Test
  void fromJson_refusesBrokenDocuments_withoutQuotingThem() {
    String json = KeyRing.bootstrap(EU, NOW).toJson();
    String privatePart = KeyRing.fromJson(json).signingKey().jwk().getD().toString();

    for (String broken :
        List.of(
            "",
            "not json " + privatePart,
            "[]",
            json.replace("\"format\":1", "\"format\":2"),
            json.replace("\"region\":\"eu\"", "\"region\":\"us\""),
            json.replace("\"CURRENT\"", "\"RETIRED\""),
            json.replace("\"kty\":\"EC\"", "\"kty\":\"oct\""),
            json.replace("\"createdAt\":\"", "\"createdAt\":\"x"),
            json.replace("\"d\":\"" + privatePart + "\",", "")
                .replace(",\"d\":\"" + privatePart + "\"", ""))) {
      assertThatThrownBy(() -> KeyRing.fromJson(broken))
          .isInstanceOf(KeyRingFormatException.class)
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(privatePart));
    }
  }

  @Test
  void invariants_oneCurrent_atMostOneNext_uniqueKids() {
    SigningKey current = SigningKey.generate(EU, KeyState.CURRENT, NOW);
    SigningKey next = SigningKey.generate(EU, KeyState.NEXT, NOW);
    SigningKey otherNext = SigningKey.generate(EU, KeyState.NEXT, NOW);

    assertThatThrownBy(() -> new KeyRing(EU, List.of(next), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new KeyRing(EU, List.of(current, current.withState(KeyState.CURRENT, NOW)), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRing(EU, List.of(current, next, otherNext), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRing(EU, List.of(current), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signingKey_refusesAPublicOnlyJwk_orAMismatchedKid() {
    SigningKey key = SigningKey.generate(EU, KeyState.CURRENT, NOW);

    assertThatThrownBy(() -> new SigningKey(key.kid(), key.publicJwk(), KeyState.CURRENT, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SigningKey("eu-20261126-00000000", key.jwk(), KeyState.CURRENT, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_neverShowsPrivateKeys() {
    KeyRing ring = withNextAndRetired();

    for (SigningKey key : ring.keys()) {
      assertThat(ring.toString()).contains(key.kid()).doesNotContain(key.jwk().getD().toString());
      assertThat(key.toString()).doesNotContain(key.jwk().getD().toString());
    }
  }

  private static KeyRing withNextAndRetired() {
    SigningKey retired =
        SigningKey.generate(EU, KeyState.CURRENT, NOW.minusSeconds(7200))
            .withState(KeyState.RETIRED, NOW.minusSeconds(60));
    return new KeyRing(
        EU,
        List.of(
            SigningKey.generate(EU, KeyState.NEXT, NOW),
            SigningKey.generate(EU, KeyState.CURRENT, NOW.minusSeconds(3600)),
            retired),
        4);
  }
}
