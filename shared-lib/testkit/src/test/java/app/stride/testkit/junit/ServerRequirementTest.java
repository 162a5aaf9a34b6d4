package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.server.Availability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ServerRequirementTest {

  private static final String SUITE = "app.stride.profiles.ProfileStoreIT";
  private static final String SERVER = "Firestore emulator";
  private static final Availability MISSING =
      Availability.missing("cloud-firestore-emulator.jar not found");

  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void present_passesQuietly() {
    Path report = tmp.resolve("NOT-RUN.txt");

    assertThatCode(() -> require(Availability.present(), true, false, report))
        .doesNotThrowAnyException();
    assertThat(report).doesNotExist();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void missingGoogleEmulator_fails_namingWhatIsMissingAndBothFixes() {
    assertThatThrownBy(() -> require(MISSING, true, false, tmp.resolve("NOT-RUN.txt")))
        .isInstanceOf(MissingServerException.class)
        .hasMessageContaining(SUITE)
        .hasMessageContaining("cloud-firestore-emulator.jar not found")
        .hasMessageContaining("-Dstride.gcloud.absent=true")
        .hasMessageContaining("STRIDE_GCLOUD_ABSENT=true");
  }

  @Test
  void missingRedis_failsWithoutOfferingTheAbsentSwitch() {
    Availability noRedis = Availability.missing("apt-get install -y redis-server");

    assertThatThrownBy(() -> require(noRedis, false, true, tmp.resolve("NOT-RUN.txt")))
        .isInstanceOf(MissingServerException.class)
        .hasMessageContaining("apt-get install -y redis-server")
        .message()
        .doesNotContain("stride.gcloud.absent");
  }

  @Test
  void declaredAbsent_abortsTheClass_withABannerOnStderrAndInTheReportFile() throws Exception {
    Path report = tmp.resolve("target").resolve("NOT-RUN.txt");

    assertThatThrownBy(() -> require(MISSING, true, true, report))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(SUITE);

    assertThat(stderr()).contains("NOT RUN: " + SUITE).contains(SERVER).contains("not found");
    assertThat(Files.readString(report)).contains("NOT RUN: " + SUITE).contains(SERVER);
  }

  @Test
  void declaredAbsent_appendsOneBannerPerSuite() throws Exception {
    Path report = tmp.resolve("NOT-RUN.txt");

    assertThatThrownBy(() -> require(MISSING, true, true, report));
    assertThatThrownBy(() -> require(MISSING, true, true, report));

    assertThat(Files.readString(report))
        .containsSubsequence("NOT RUN: " + SUITE, "NOT RUN: " + SUITE);
  }

  private void require(
      Availability availability, boolean switchApplies, boolean declaredAbsent, Path report) {
    ServerRequirement.require(
        SUITE,
        SERVER,
        availability,
        switchApplies,
        declaredAbsent,
        new PrintStream(err, true, StandardCharsets.UTF_8),
        report);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
