package app.stride.bench.coldstart.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A one-shot Lambda runtime: {@code LambdaHarness <handler class> <event file>}.
 *
 * <p>Like the Lambda Java runtime, it instantiates the handler with its no-argument constructor
 * (the init phase), then invokes it once with the event. It prints the response as one {@code
 * RESPONSE} line and the wall-clock instants (epoch microseconds) at which {@code main} started,
 * the handler was constructed and the response was complete, as one {@code TIMES} line; the bench
 * script subtracts its own launch instant. It exits with status 0 only when the invocation
 * returned.
 */
public final class LambdaHarness {
  private LambdaHarness() {}

  /** Runs one invocation; see the class comment for the arguments and the output. */
  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    long mainMicros = epochMicros(Instant.now());
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: LambdaHarness <handler class> <event file>");
    }
    Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
    long initMicros = epochMicros(Instant.now());
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    byte[] response =
        Invocation.invoke(handler, event, new HarnessContext(handler.getClass().getSimpleName()));
    long doneMicros = epochMicros(Instant.now());
    report(System.out, response, mainMicros, initMicros, doneMicros);
    System.exit(0);
  }

  static void report(
      PrintStream out, byte[] response, long mainMicros, long initMicros, long doneMicros) {
    out.println("RESPONSE " + new String(response, StandardCharsets.UTF_8).replace('\n', ' '));
    out.println("TIMES main=" + mainMicros + " init=" + initMicros + " done=" + doneMicros);
    out.flush();
  }

  static long epochMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
