package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.domain.SocialLink;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthKeysTest {
  @Test
  void ttlOf_roundsUpSoTtlNeverRemovesALiveItem() {
    assertThat(AuthKeys.ttlOf(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(1772323200L);
    assertThat(AuthKeys.ttlOf(Instant.parse("2026-03-01T00:00:00.000000001Z")))
        .isEqualTo(1772323201L);
  }

  @Test
  void socialKey_keepsTheProviderAndTheWholeSubject() {
    assertThat(AuthKeys.social(new SocialLink("apple", "001.a#b.7")))
        .isEqualTo("SOCIAL#apple#001.a#b.7");
  }
}
