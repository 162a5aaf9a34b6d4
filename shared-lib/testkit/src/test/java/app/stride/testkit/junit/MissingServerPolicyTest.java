package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.MissingServerPolicy.Decision;
import app.stride.testkit.server.Availability;
import org.junit.jupiter.api.Test;

class MissingServerPolicyTest {

  private static final Availability MISSING = Availability.missing("no emulator jar");

  @Test
  void presentServer_runs_evenWhenDeclaredAbsent() {
    assertThat(MissingServerPolicy.decide(Availability.present(), true, true))
        .isEqualTo(Decision.RUN);
    assertThat(MissingServerPolicy.decide(Availability.present(), true, false))
        .isEqualTo(Decision.RUN);
  }

  @Test
  void missingGoogleEmulator_notDeclaredAbsent_fails() {
    assertThat(MissingServerPolicy.decide(MISSING, true, false)).isEqualTo(Decision.FAIL);
  }

  @Test
  void missingGoogleEmulator_declaredAbsent_aborts() {
    assertThat(MissingServerPolicy.decide(MISSING, true, true)).isEqualTo(Decision.ABORT);
  }

  @Test
  void missingServerWithoutAbsentSwitch_failsEvenWhenGoogleEmulatorsAreDeclaredAbsent() {
    assertThat(MissingServerPolicy.decide(MISSING, false, true)).isEqualTo(Decision.FAIL);
  }
}
