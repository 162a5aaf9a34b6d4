package app.stride.bench.auth;

import app.stride.auth.credential.Argon2Parameters;
import app.stride.auth.credential.Argon2idPasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The CPU cost of a password login: one Argon2id verify of the right password against its stored
 * hash, single-threaded, in logins per second.
 *
 * <ul>
 *   <li>{@link #strideOwasp}: Stride's {@code Argon2idPasswordHasher.owasp().verify} (m=19456 KiB,
 *       t=2, p=1), with its PHC parsing, safety limits and NFKC normalisation.
 *   <li>{@link #baselineOwaspM46T1}: bare password4j at {@link #BASELINE}, the first of the
 *       Argon2id settings OWASP's Password Storage Cheat Sheet lists as giving the same defence as
 *       m=19 MiB, t=2 (m=46 MiB, t=1, p=1): the other way to pay for the same protection.
 * </ul>
 *
 * A wrong password or an unknown email ({@code verifyAgainstDummy}) costs the same work.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class PasswordLoginBenchmark {
  /** A password that passes Stride's policy; the same for both sides. */
  static final String PASSWORD = "quiet-harbour-lantern-1987";

  /** OWASP's equivalent Argon2id setting with the most memory and one pass. */
  static final Argon2Parameters BASELINE = new Argon2Parameters(47_104, 1, 1);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  Argon2idPasswordHasher hasher;
  String strideHash;
  Argon2Function baselineFunction;
  String baselineHash;

  /** Hashes the password once per side, as registration would. */
  @Setup(Level.Trial)
  public void hashPasswords() {
    hasher = Argon2idPasswordHasher.owasp();
    strideHash = hasher.hash(PASSWORD);
    baselineFunction =
        Argon2Function.getInstance(
            BASELINE.memoryKiB(),
            BASELINE.iterations(),
            BASELINE.parallelism(),
            HASH_BYTES,
            Argon2.ID,
            Argon2Function.ARGON2_VERSION_13);
    baselineHash =
        Password.hash(PASSWORD).addRandomSalt(SALT_BYTES).with(baselineFunction).getResult();
  }

  /** Stride's login check. */
  @Benchmark
  public boolean strideOwasp(CpuTime cpu) {
    long start = cpu.start();
    boolean verified = hasher.verify(PASSWORD, strideHash);
    cpu.stop(start);
    return verified;
  }

  /** The baseline: password4j's own check at OWASP's m=46 MiB, t=1 setting. */
  @Benchmark
  public boolean baselineOwaspM46T1(CpuTime cpu) {
    long start = cpu.start();
    boolean verified = baselineFunction.check(PASSWORD, baselineHash);
    cpu.stop(start);
    return verified;
  }
}
