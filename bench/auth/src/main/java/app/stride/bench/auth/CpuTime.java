package app.stride.bench.auth;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time the benchmark JVM spent during the measured calls, reported by JMH beside the score as
 * the secondary results {@code cpuNanos} and {@code calls} (JMH zeroes them every iteration). On a
 * shared machine the benchmark thread does not get a whole core, so calls per wall-clock second
 * understate what one core does; calls per CPU second do not. The process clock is used, not the
 * thread's, because the collector's work (a login allocates tens of MiB) runs on other threads and
 * is part of a login's cost; the fork runs nothing else. Its resolution is a clock tick (10 ms),
 * fine for calls that take a hundred times that and follow each other without a gap.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuTime {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** CPU nanoseconds of the whole JVM during the measured calls of the iteration. */
  public long cpuNanos;

  /** Measured calls during the iteration. */
  public long calls;

  long start() {
    return OS.getProcessCpuTime();
  }

  void stop(long startNanos) {
    cpuNanos += OS.getProcessCpuTime() - startNanos;
    calls++;
  }
}
