package app.stride.bench.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

class DevicesBenchReportTest {

  @Test
  void everyReportedName_isABenchmarkMethod() {
    List<String> reported =
        List.of(
            DevicesBenchReport.IMPORT,
            DevicesBenchReport.FIT_BASELINE,
            DevicesBenchReport.WEBHOOK,
            DevicesBenchReport.WEBHOOK_BASELINE);

    List<String> benchmarks =
        List.of(
                ImportThroughputBenchmark.class,
                FitDecodeBaselineBenchmark.class,
                WebhookAckBenchmark.class)
            .stream()
            .flatMap(
                type ->
                    Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .map(Method::getName)
                        .map(name -> type.getName() + "." + name))
            .toList();

    assertThat(benchmarks).containsExactlyInAnyOrderElementsOf(reported);
  }

  @Test
  void theParameterLists_nameEveryImportFile_andTheBaselineOnlyFitOnes() throws Exception {
    String[] files =
        ImportThroughputBenchmark.class.getField("file").getAnnotation(Param.class).value();
    String[] fitFiles =
        FitDecodeBaselineBenchmark.class.getField("fitFile").getAnnotation(Param.class).value();

    assertThat(files)
        .containsExactlyInAnyOrder(
            Arrays.stream(ImportFiles.values()).map(ImportFiles::id).toArray(String[]::new));
    assertThat(fitFiles)
        .containsExactlyInAnyOrder(
            Arrays.stream(ImportFiles.values())
                .filter(ImportFiles::isFit)
                .map(ImportFiles::id)
                .toArray(String[]::new));
  }
}
