package app.stride.bench.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class AuthBenchReportTest {

  @Test
  void everyReportedName_isABenchmarkMethod() {
    List<String> reported =
        List.of(
            AuthBenchReport.LOGIN,
            AuthBenchReport.LOGIN_BASELINE,
            AuthBenchReport.TOKEN,
            AuthBenchReport.TOKEN_URL,
            AuthBenchReport.TOKEN_BASELINE);

    List<String> benchmarks =
        List.of(PasswordLoginBenchmark.class, TokenVerificationBenchmark.class).stream()
            .flatMap(
                type ->
                    Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .map(Method::getName)
                        .map(name -> type.getName() + "." + name))
            .toList();

    assertThat(benchmarks).containsExactlyInAnyOrderElementsOf(reported);
  }
}
