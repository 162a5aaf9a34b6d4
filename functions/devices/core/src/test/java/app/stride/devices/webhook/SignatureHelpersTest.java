package app.stride.devices.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureHelpersTest {
  private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DATA =
      "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

  @Test
  void hmacSha256_matchesTheKnownVector() {
    assertThat(HexFormat.of().formatHex(Hmac.mac(Hmac.SHA256, KEY, DATA)))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void hexAndBase64Signatures_matchOnlyTheExactMac() {
    byte[] mac = Hmac.mac(Hmac.SHA256, KEY, DATA);
    String hex = HexFormat.of().formatHex(mac);

    assertThat(Hmac.matchesHex(mac, hex)).isTrue();
    assertThat(Hmac.matchesHex(mac, "sha256=" + hex)).isTrue();
    assertThat(Hmac.matchesHex(mac, hex.substring(0, 62))).isFalse();
    String lastFlipped = hex.substring(0, 63) + (hex.endsWith("0") ? "1" : "0");
    assertThat(Hmac.matchesHex(mac, lastFlipped)).isFalse();
    assertThat(Hmac.matchesBase64(mac, Base64.getEncoder().encodeToString(mac))).isTrue();
    assertThat(Hmac.matchesBase64(mac, "!!!")).isFalse();
    assertThat(Hmac.matchesHex(mac, null)).isFalse();
  }

  @Test
  void idempotencyKeys_separateFields_unambiguously() {
    assertThat(IdempotencyKeys.of(Provider.POLAR, "ab", "c"))
        .isNotEqualTo(IdempotencyKeys.of(Provider.POLAR, "a", "bc"))
        .isNotEqualTo(IdempotencyKeys.of(Provider.SUUNTO, "ab", "c"))
        .isEqualTo(IdempotencyKeys.of(Provider.POLAR, "ab", "c"))
        .hasSize(64);
  }
}
