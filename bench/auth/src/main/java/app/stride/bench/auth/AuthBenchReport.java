package app.stride.bench.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs both auth benchmarks with the JMH options given on the command line (forks, iterations, JVM
 * flags; not the mode or time unit, which the benchmarks fix) and prints the {@code RESULT} lines
 * of {@code bench/auth/run}. Every ratio is Stride's cost divided by its baseline's cost, measured
 * in the same run. Logins per core are logins per CPU second of the benchmark JVM ({@link
 * CpuTime}): on a quiet machine the same as JMH's single-thread throughput, on a loaded one the
 * only figure that leaves out the time the thread waited for a core.
 */
public final class AuthBenchReport {
  static final String LOGIN = benchmark(PasswordLoginBenchmark.class, "strideOwasp");
  static final String LOGIN_BASELINE =
      benchmark(PasswordLoginBenchmark.class, "baselineOwaspM46T1");
  static final String TOKEN = benchmark(TokenVerificationBenchmark.class, "strideJwks");
  static final String TOKEN_URL = benchmark(TokenVerificationBenchmark.class, "strideJwksUrl");
  static final String TOKEN_BASELINE =
      benchmark(TokenVerificationBenchmark.class, "baselineSignatureOnly");

  /** The median token verification the auth issue asks for, in microseconds. */
  static final double TOKEN_GOAL_US = 100;

  private final Map<String, RunResult> byName;

  private AuthBenchReport(Collection<RunResult> results) {
    byName = new HashMap<>();
    results.forEach(r -> byName.put(key(r), r));
  }

  /** The benchmark's name, with {@code @crypto} for the token benchmarks' provider parameter. */
  static String key(RunResult result) {
    String crypto = result.getParams().getParam("crypto");
    return result.getParams().getBenchmark() + (crypto == null ? "" : "@" + crypto);
  }

  private static String onNative(String name) {
    return name + "@" + TokenVerificationBenchmark.NATIVE;
  }

  private static String onJdk(String name) {
    return name + "@" + TokenVerificationBenchmark.JDK;
  }

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Options options =
        new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .include("^" + Pattern.quote(PasswordLoginBenchmark.class.getName()) + "\\.")
            .include("^" + Pattern.quote(TokenVerificationBenchmark.class.getName()) + "\\.")
            .build();
    AuthBenchReport report = new AuthBenchReport(new Runner(options).run());
    report.printSummary();
    report.printResults();
  }

  private void printSummary() {
    System.out.println();
    System.out.println("logins, one thread (per wall-clock second; per CPU second of the JVM):");
    for (String name : new String[] {LOGIN, LOGIN_BASELINE}) {
      System.out.printf(
          Locale.ROOT,
          "  %-22s %9.2f ops/s  %9.2f ops/cpu-s%n",
          shortName(name),
          throughput(name),
          perCpuSecond(name));
    }
    System.out.println("token verification, sampled per call (us):");
    for (String base : new String[] {TOKEN, TOKEN_URL, TOKEN_BASELINE}) {
      for (String name : new String[] {onNative(base), onJdk(base)}) {
        var stats = timeUs(name).getStatistics();
        System.out.printf(
            Locale.ROOT,
            "  %-29s p50 %7.1f  p90 %7.1f  p99 %7.1f  (%d samples)%n",
            shortName(name),
            stats.getPercentile(50),
            stats.getPercentile(90),
            stats.getPercentile(99),
            stats.getN());
      }
    }
    double median = medianUs(onNative(TOKEN));
    System.out.printf(
        Locale.ROOT,
        "token verification goal, as deployed (median < %.0f us): %s%n",
        TOKEN_GOAL_US,
        median < TOKEN_GOAL_US ? "met" : "MISSED");
  }

  private void printResults() {
    result("logins_per_second_per_core", "%.1f", perCpuSecond(LOGIN));
    result("logins_per_wall_second_one_thread", "%.1f", throughput(LOGIN));
    result("argon2_vs_baseline_ratio", "%.2f", perCpuSecond(LOGIN_BASELINE) / perCpuSecond(LOGIN));
    result("token_verify_median_us", "%.1f", medianUs(onNative(TOKEN)));
    result("token_verify_jwks_url_median_us", "%.1f", medianUs(onNative(TOKEN_URL)));
    result(
        "token_verify_vs_signature_ratio",
        "%.2f",
        medianUs(onNative(TOKEN)) / medianUs(onNative(TOKEN_BASELINE)));
    result("token_verify_jdk_median_us", "%.1f", medianUs(onJdk(TOKEN)));
    result(
        "token_verify_native_vs_jdk_ratio",
        "%.3f",
        medianUs(onNative(TOKEN)) / medianUs(onJdk(TOKEN)));
  }

  private static void result(String key, String format, double value) {
    System.out.println("RESULT " + key + "=" + String.format(Locale.ROOT, format, value));
  }

  private double throughput(String name) {
    Result<?> primary = run(name).getPrimaryResult();
    requireUnit(name, primary, "ops/s");
    return primary.getScore();
  }

  /** Calls per CPU second of the benchmark JVM, from {@link CpuTime}'s counters. */
  private double perCpuSecond(String name) {
    Result<?> cpuNanos = run(name).getSecondaryResults().get("cpuNanos");
    Result<?> calls = run(name).getSecondaryResults().get("calls");
    return calls.getScore() / cpuNanos.getScore() * 1e9;
  }

  private double medianUs(String name) {
    return timeUs(name).getStatistics().getPercentile(50);
  }

  private Result<?> timeUs(String name) {
    Result<?> primary = run(name).getPrimaryResult();
    requireUnit(name, primary, "us/op");
    return primary;
  }

  private RunResult run(String name) {
    RunResult result = byName.get(name);
    if (result == null) {
      throw new IllegalStateException("no result for " + name + " (was it excluded?)");
    }
    return result;
  }

  private static void requireUnit(String name, Result<?> result, String unit) {
    if (!unit.equals(result.getScoreUnit())) {
      throw new IllegalStateException(
          name + " reported " + result.getScoreUnit() + ", expected " + unit + " (no -bm / -tu)");
    }
  }

  private static String benchmark(Class<?> type, String method) {
    return type.getName() + "." + method;
  }

  private static String shortName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
