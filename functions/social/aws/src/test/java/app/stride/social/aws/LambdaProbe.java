package app.stride.social.aws;

import app.stride.aws.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Run in a fresh JVM on the shaded jar by {@link ShadedJarIT}: starts the Lambda handler the way
 * the runtime does, sends one event and prints the response.
 */
public final class LambdaProbe {
  private LambdaProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FunctionInvoker()
        .handleRequest(
            new ByteArrayInputStream(event), out, new LocalLambdaContext("social", 30_000));
    System.out.println("RESPONSE " + new String(out.toByteArray(), StandardCharsets.UTF_8));
  }
}
