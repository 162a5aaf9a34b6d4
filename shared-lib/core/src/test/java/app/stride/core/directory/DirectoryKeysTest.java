package app.stride.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DirectoryKeysTest {
  private final DirectoryKeys keys =
      new DirectoryKeys("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  @Test
  void of_isStableAcrossCaseWidthAndSpaces() {
    assertThat(keys.of(" Ana@Example.COM ")).isEqualTo(keys.of("ana@example.com"));
    assertThat(keys.of("ａｎａ@example.com")).isEqualTo(keys.of("ana@example.com"));
  }

  @Test
  void of_revealsNothingOfTheIdentifier_andDependsOnTheSecret() {
    DirectoryKey key = keys.of("ana@example.com");
    DirectoryKeys other =
        new DirectoryKeys("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));

    assertThat(key.value()).doesNotContain("ana", "example").hasSize(43);
    assertThat(other.of("ana@example.com")).isNotEqualTo(key);
    assertThat(keys.of("bob@example.com")).isNotEqualTo(key);
  }

  @Test
  void constructor_refusesShortSecrets() {
    assertThatThrownBy(() -> new DirectoryKeys(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
