package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

  private final SecretTokens tokens = new SecretTokens();

  @Test
  void newToken_is43CharactersOfBase64UrlCarrying32Bytes() {
    String token = tokens.newToken();

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
  }

  @Test
  void newToken_isUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(tokens.newToken());
    }

    assertThat(seen).hasSize(10_000);
  }

  @Test
  void hash_isStableSha256_andNotTheTokenItself() throws Exception {
    String token = tokens.newToken();
    byte[] sha256 =
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));

    assertThat(tokens.hash(token))
        .isEqualTo(tokens.hash(token))
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256))
        .isNotEqualTo(token)
        .hasSize(43);
    assertThat(tokens.hash(tokens.newToken())).isNotEqualTo(tokens.hash(token));
  }

  @Test
  void matches_comparesThePresentedTokenWithTheStoredHash() {
    String token = tokens.newToken();
    String stored = tokens.hash(token);

    assertThat(tokens.matches(token, stored)).isTrue();
    assertThat(tokens.matches(tokens.newToken(), stored)).isFalse();
    assertThat(tokens.matches(stored, stored)).isFalse();
    assertThat(tokens.matches(token, null)).isFalse();
    assertThat(tokens.matches(null, stored)).isFalse();
  }
}
