package app.stride.bench.devices;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the devices benchmarks with the JMH options given on the command line (forks, iterations,
 * JVM flags; not the mode or time unit, which the benchmarks fix) and prints the {@code RESULT}
 * lines of {@code bench/devices/run}. Samples missing from {@value ImportFiles#SAMPLES_PROPERTY}
 * are left out of the run and named in the output. Every cost ratio is Stride's cost divided by its
 * baseline's, measured in the same run: above 1 is slower than the baseline. MB are 10^6 bytes.
 */
public final class DevicesBenchReport {
  static final String IMPORT = benchmark(ImportThroughputBenchmark.class, "parse");
  static final String FIT_BASELINE = benchmark(FitDecodeBaselineBenchmark.class, "sdkDecode");
  static final String WEBHOOK = benchmark(WebhookAckBenchmark.class, "strideAcknowledge");
  static final String WEBHOOK_BASELINE = benchmark(WebhookAckBenchmark.class, "baselineHmacOnly");

  /** Issue 6's goal for the webhook acknowledgement, p99 in microseconds (50 ms). */
  static final double WEBHOOK_P99_GOAL_US = 50_000;

  /** The FIT file whose SDK decode is the per-MB baseline of the GPX and TCX files. */
  static final ImportFiles REFERENCE_FIT = ImportFiles.FIT_RUN_2H;

  private final Map<String, RunResult> byKey = new HashMap<>();
  private final Map<ImportFiles, Integer> sizes = new HashMap<>();
  private final List<ImportFiles> files;

  private DevicesBenchReport(
      Collection<RunResult> results, List<ImportFiles> files, Optional<Path> samples) {
    results.forEach(r -> byKey.put(key(r), r));
    this.files = files;
    files.forEach(f -> sizes.put(f, f.load(samples).length));
  }

  /** A result's key: benchmark, mode and file parameter, e.g. {@code ...parse/thrpt/gpx-run-2h}. */
  static String key(RunResult result) {
    var params = result.getParams();
    String file = params.getParam("file");
    if (file == null) {
      file = params.getParam("fitFile");
    }
    return key(params.getBenchmark(), params.getMode(), file);
  }

  static String key(String benchmark, Mode mode, String file) {
    return benchmark + "/" + mode.shortLabel() + (file == null ? "" : "/" + file);
  }

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Optional<Path> samples = ImportFiles.samplesDir();
    List<ImportFiles> files = ImportFiles.available(samples);
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .include(only(ImportThroughputBenchmark.class))
            .include(only(FitDecodeBaselineBenchmark.class))
            .include(only(WebhookAckBenchmark.class))
            .param("file", files.stream().map(ImportFiles::id).toArray(String[]::new))
            .param(
                "fitFile",
                files.stream()
                    .filter(ImportFiles::isFit)
                    .map(ImportFiles::id)
                    .toArray(String[]::new));
    samples.ifPresent(
        dir ->
            options.jvmArgsAppend(
                "-D" + ImportFiles.SAMPLES_PROPERTY + "=" + dir.toAbsolutePath()));
    List<String> skipped = skipped(files, samples);
    skipped.forEach(System.out::println);
    DevicesBenchReport report =
        new DevicesBenchReport(new Runner(options.build()).run(), files, samples);
    report.printSummary();
    skipped.forEach(System.out::println);
    report.printResults();
  }

  /** A line for every sample left out, saying where it was looked for. */
  static List<String> skipped(List<ImportFiles> available, Optional<Path> samples) {
    return java.util.Arrays.stream(ImportFiles.values())
        .filter(f -> !available.contains(f))
        .map(
            f ->
                "skipped "
                    + f.id()
                    + ": "
                    + f.samplePath().orElse("?")
                    + samples
                        .map(dir -> " not found in " + dir.toAbsolutePath())
                        .orElse(" (no samples folder: -D" + ImportFiles.SAMPLES_PROPERTY + ")"))
        .toList();
  }

  private void printSummary() {
    System.out.println();
    System.out.println("import, one whole file in memory per call (MB = 10^6 bytes):");
    System.out.printf(
        Locale.ROOT,
        "  %-20s %-18s %10s %10s %9s %9s  %s%n",
        "file",
        "code",
        "bytes",
        "files/s",
        "MB/s",
        "ms/file",
        "cost per MB vs FIT SDK decode");
    for (ImportFiles file : files) {
      printRow(file, "ActivityFiles.parse", importOps(file), costRatio(file));
      if (file.isFit()) {
        printRow(file, "FIT SDK decode", baselineOps(file), 1.0);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  (a FIT file against the SDK's decode of the same bytes; GPX and TCX against %s's)%n",
        REFERENCE_FIT.id());
    if (files.contains(ImportFiles.GPX_RUN_2H)) {
      System.out.printf(
          Locale.ROOT,
          "  the same 2-hour run: GPX costs %.2fx the FIT import per activity (%.2fx the bytes)%n",
          importOps(ImportFiles.FIT_RUN_2H) / importOps(ImportFiles.GPX_RUN_2H),
          (double) sizes.get(ImportFiles.GPX_RUN_2H) / sizes.get(ImportFiles.FIT_RUN_2H));
    }
    System.out.println(
        "signed Polar EXERCISE webhook, in process (no network, no gateway, counting queue), us:");
    for (String name : new String[] {WEBHOOK, WEBHOOK_BASELINE}) {
      var sampled = sampleUs(name).getStatistics();
      System.out.printf(
          Locale.ROOT,
          "  %-18s avg %8.1f  p50 %8.1f  p99 %8.1f  p99.9 %8.1f  max %9.1f  (%d samples)%n",
          shortName(name),
          averageUs(name),
          sampled.getPercentile(50),
          sampled.getPercentile(99),
          sampled.getPercentile(99.9),
          sampled.getMax(),
          sampled.getN());
    }
    double p99 = p99Us(WEBHOOK);
    System.out.printf(
        Locale.ROOT,
        "webhook acknowledgement goal (p99 < %.0f ms), in-process part only: %s%n",
        WEBHOOK_P99_GOAL_US / 1000,
        p99 < WEBHOOK_P99_GOAL_US ? "met" : "MISSED");
  }

  private void printRow(ImportFiles file, String code, double ops, double ratio) {
    System.out.printf(
        Locale.ROOT,
        "  %-20s %-18s %10d %10.1f %9.2f %9.3f  %.2f%n",
        file.id(),
        code,
        sizes.get(file),
        ops,
        megabytesPerSecond(file, ops),
        1000 / ops,
        ratio);
  }

  private void printResults() {
    for (ImportFiles file : files) {
      String id = file.id().replace('-', '_');
      result("import_" + id + "_mb_per_s", "%.2f", megabytesPerSecond(file, importOps(file)));
      if (file.isFit()) {
        result(
            "fit_sdk_decode_" + id + "_mb_per_s",
            "%.2f",
            megabytesPerSecond(file, baselineOps(file)));
      }
      result("import_" + id + "_vs_fit_sdk_decode_cost_ratio", "%.2f", costRatio(file));
    }
    result("webhook_ack_avg_us", "%.1f", averageUs(WEBHOOK));
    result("webhook_ack_p99_us", "%.1f", p99Us(WEBHOOK));
    result("hmac_verify_avg_us", "%.2f", averageUs(WEBHOOK_BASELINE));
    result("hmac_verify_p99_us", "%.2f", p99Us(WEBHOOK_BASELINE));
    result("webhook_ack_vs_hmac_ratio", "%.1f", averageUs(WEBHOOK) / averageUs(WEBHOOK_BASELINE));
  }

  /**
   * Stride's cost per MB over the baseline's: for a FIT file the SDK's decode of the same bytes,
   * for GPX and TCX the SDK's decode of {@link #REFERENCE_FIT} (the SDK reads no XML).
   */
  private double costRatio(ImportFiles file) {
    ImportFiles base = file.isFit() ? file : REFERENCE_FIT;
    return megabytesPerSecond(base, baselineOps(base)) / megabytesPerSecond(file, importOps(file));
  }

  private double megabytesPerSecond(ImportFiles file, double opsPerSecond) {
    return sizes.get(file) * opsPerSecond / 1e6;
  }

  private double importOps(ImportFiles file) {
    return throughput(key(IMPORT, Mode.Throughput, file.id()));
  }

  private double baselineOps(ImportFiles file) {
    return throughput(key(FIT_BASELINE, Mode.Throughput, file.id()));
  }

  private double averageUs(String name) {
    return primary(key(name, Mode.AverageTime, null), "us/op").getScore();
  }

  private double p99Us(String name) {
    return sampleUs(name).getStatistics().getPercentile(99);
  }

  private Result<?> sampleUs(String name) {
    return primary(key(name, Mode.SampleTime, null), "us/op");
  }

  private double throughput(String key) {
    return primary(key, "ops/s").getScore();
  }

  private Result<?> primary(String key, String unit) {
    RunResult run = byKey.get(key);
    if (run == null) {
      throw new IllegalStateException(
          "no result for " + key + " (did it fail or was it excluded?)");
    }
    Result<?> primary = run.getPrimaryResult();
    if (!unit.equals(primary.getScoreUnit())) {
      throw new IllegalStateException(
          key + " reported " + primary.getScoreUnit() + ", expected " + unit + " (no -bm / -tu)");
    }
    return primary;
  }

  private static void result(String key, String format, double value) {
    System.out.println("RESULT " + key + "=" + String.format(Locale.ROOT, format, value));
  }

  private static String only(Class<?> type) {
    return "^" + Pattern.quote(type.getName()) + "\\.";
  }

  private static String benchmark(Class<?> type, String method) {
    return type.getName() + "." + method;
  }

  private static String shortName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
