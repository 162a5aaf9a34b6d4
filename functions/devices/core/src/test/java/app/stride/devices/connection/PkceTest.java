package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void s256_matchesRfc7636AppendixB() {
    assertThat(Pkce.challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifiers_mustBe43To128UnreservedCharacters() {
    assertThat(Pkce.isValidVerifier("a".repeat(43))).isTrue();
    assertThat(Pkce.isValidVerifier("a".repeat(128))).isTrue();
    assertThat(Pkce.isValidVerifier("a".repeat(42))).isFalse();
    assertThat(Pkce.isValidVerifier("a".repeat(129))).isFalse();
    assertThat(Pkce.isValidVerifier("a".repeat(42) + "+")).isFalse();
    assertThatThrownBy(() -> Pkce.challengeS256("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
