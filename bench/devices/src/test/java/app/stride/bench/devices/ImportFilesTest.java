package app.stride.bench.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFilesTest {

  @Test
  void everyFixture_importsAsOneActivity_inTheBenchmarkSetup() throws Exception {
    for (ImportFiles file : ImportFiles.available(Optional.empty())) {
      ImportThroughputBenchmark benchmark = new ImportThroughputBenchmark();
      benchmark.file = file.id();
      benchmark.load();

      assertThat(benchmark.parse()).as(file.id()).hasSize(1);
    }
  }

  @Test
  void theTwoHourFitRun_decodesCompletely_withTheSdkBaseline() {
    FitDecodeBaselineBenchmark baseline = new FitDecodeBaselineBenchmark();
    baseline.fitFile = ImportFiles.FIT_RUN_2H.id();
    baseline.load();

    byte[] bytes = ImportFiles.FIT_RUN_2H.load(Optional.empty());
    int[] messages = {0};
    assertThat(FitDecodeBaselineBenchmark.decode(bytes, m -> messages[0]++)).isTrue();
    assertThat(messages[0]).isGreaterThan(ImportFiles.TWO_HOURS_AT_1HZ);
  }

  @Test
  void withoutASamplesFolder_onlyTheFixturesAreAvailable_andASampleRefusesToLoad() {
    assertThat(ImportFiles.available(Optional.empty()))
        .containsExactly(
            ImportFiles.FIT_RUN_2H, ImportFiles.GPX_RUN_2H, ImportFiles.TCX_FIXTURE_2MIN);
    assertThatThrownBy(() -> ImportFiles.TCX_SAMPLE_RUNNING.load(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tcx/running_activity_1.tcx");
  }

  @Test
  void aSamplePresentInTheFolder_isAvailable_andTheReportNamesTheOneMissing(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("fit"));
    Files.write(dir.resolve("fit/activity-small-fenix2-run.fit"), new byte[] {1, 2, 3});

    var available = ImportFiles.available(Optional.of(dir));

    assertThat(available).contains(ImportFiles.FIT_SAMPLE_FENIX2);
    assertThat(ImportFiles.FIT_SAMPLE_FENIX2.load(Optional.of(dir))).containsExactly(1, 2, 3);
    assertThat(DevicesBenchReport.skipped(available, Optional.of(dir)))
        .singleElement()
        .asString()
        .startsWith("skipped tcx-sample-running: tcx/running_activity_1.tcx not found in");
  }
}
