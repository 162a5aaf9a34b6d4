package app.stride.bench.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordLoginBenchmarkTest {
  private static final PasswordLoginBenchmark bench = new PasswordLoginBenchmark();

  @BeforeAll
  static void hashOnce() {
    bench.hashPasswords();
  }

  @Test
  void setup_storesHashesWithEachSidesParameters() {
    assertThat(bench.strideHash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(bench.baselineHash).startsWith("$argon2id$v=19$m=47104,t=1,p=1$");
  }

  @Test
  void bothSides_measureASuccessfulLogin_andCountItsCpuTime() {
    CpuTime cpu = new CpuTime();

    boolean stride = bench.strideOwasp(cpu);
    boolean baseline = bench.baselineOwaspM46T1(cpu);

    assertThat(stride).isTrue();
    assertThat(baseline).isTrue();
    assertThat(cpu.calls).isEqualTo(2);
    assertThat(cpu.cpuNanos).isPositive();
  }
}
