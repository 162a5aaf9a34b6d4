package app.stride.profiles.aws;

import app.stride.aws.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Run in a fresh JVM on the shaded jar by {@link ShadedJarIT}: starts the Lambda handler the way
 * the runtime does, sends one event and prints the response and the timings.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    long start = System.nanoTime();
    FunctionInvoker invoker = new FunctionInvoker();
    long started = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("profiles", 30_000));
    long answered = System.nanoTime();
    long sinceJvmStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("RESPONSE " + new String(out.toByteArray(), StandardCharsets.UTF_8));
    System.out.printf(
        "TIMING jvmToResponseMs=%d invokerStartMs=%d firstRequestMs=%d%n",
        sinceJvmStart, (started - start) / 1_000_000, (answered - started) / 1_000_000);
  }
}
