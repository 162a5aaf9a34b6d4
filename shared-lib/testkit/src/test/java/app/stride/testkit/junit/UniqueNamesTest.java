package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

  @Test
  void uniqueName_neverRepeats_andKeepsThePrefix() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      names.add(UniqueNames.uniqueName("orders"));
    }

    assertThat(names).hasSize(1_000).allMatch(name -> name.startsWith("orders-"));
  }

  @Test
  void uniqueName_isAValidPubSubAndKafkaName() {
    assertThat(UniqueNames.uniqueName("device-samples")).matches("[A-Za-z][A-Za-z0-9_-]{2,248}");
  }

  @Test
  void uniqueName_rejectsPrefixesTheServersWouldRefuse() {
    assertThatThrownBy(() -> UniqueNames.uniqueName("1topic"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UniqueNames.uniqueName("with space"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
