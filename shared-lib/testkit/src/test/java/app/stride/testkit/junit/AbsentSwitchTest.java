package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbsentSwitchTest {

  @ParameterizedTest(name = "property={0}, env={1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, null, false",
        "false, null, false",
        "true, null, true",
        "TRUE, null, true",
        "' true ', null, true",
        "false, true, true",
        "null, true, true",
        "yes, 1, false"
      })
  void declaredAbsent_onlyForAnExplicitTrue_inPropertyOrEnvironment(
      String property, String environment, boolean expected) {
    assertThat(AbsentSwitch.declaredAbsent(property, environment)).isEqualTo(expected);
  }
}
