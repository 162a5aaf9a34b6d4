package app.stride.local.aws;

import app.stride.aws.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Runs in a child JVM with a deployable Lambda jar on its class path and the function's
 * environment, and plays the Lambda runtime for it: each {@code POST /invoke} body is one event,
 * handed to the handler class named by {@code STRIDE_LAMBDA_HANDLER} exactly as Lambda would hand
 * it (a byte stream). The handler instance is created once at start, which is the cold start.
 *
 * <p>Lambda serves one invocation per instance at a time and scales out by starting instances; this
 * host stands in for {@value #INSTANCES_ENV} (default {@value #DEFAULT_INSTANCES}) warm instances
 * by serving that many invocations at once through the one handler (Stride's handlers keep no
 * per-invocation state), so that the local platform does not queue every request of a region's
 * function behind the previous one.
 */
public final class LambdaHost {
  /**
   * The deployed function's timeout in seconds, which the context reports as the time left (default
   * {@value #DEFAULT_TIMEOUT_SECONDS}; a queue worker's is longer).
   */
  public static final String TIMEOUT_ENV = "STRIDE_LOCAL_LAMBDA_TIMEOUT_SECONDS";

  static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /** How many invocations run at once: the warm instances this host stands in for. */
  static final String INSTANCES_ENV = "STRIDE_LOCAL_LAMBDA_INSTANCES";

  static final int DEFAULT_INSTANCES = 4;

  /** The line printed when the host accepts invocations. */
  public static final String READY = "LAMBDA_HOST_READY";

  private LambdaHost() {}

  static int instances() {
    String value = System.getenv(INSTANCES_ENV);
    int instances = value == null || value.isBlank() ? DEFAULT_INSTANCES : Integer.parseInt(value);
    if (instances < 1 || instances > 64) {
      throw new IllegalArgumentException(INSTANCES_ENV + " must be 1 to 64: " + value);
    }
    return instances;
  }

  static int timeoutMillis() {
    String value = System.getenv(TIMEOUT_ENV);
    int seconds =
        value == null || value.isBlank() ? DEFAULT_TIMEOUT_SECONDS : Integer.parseInt(value);
    if (seconds < 1 || seconds > 900) {
      throw new IllegalArgumentException(TIMEOUT_ENV + " must be 1 to 900: " + value);
    }
    return seconds * 1000;
  }

  public static void main(String[] args) throws Exception {
    // Without TCP_NODELAY the gateway's keep-alive connection waits out the delayed ACK per call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(args[0]);
    String handlerClass = System.getenv("STRIDE_LAMBDA_HANDLER");
    String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
    int timeoutMillis = timeoutMillis();
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(instances()));
    server.createContext(
        "/invoke",
        exchange -> {
          byte[] event = exchange.getRequestBody().readAllBytes();
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          int status = 200;
          try {
            handler.handleRequest(
                new ByteArrayInputStream(event),
                out,
                new LocalLambdaContext(functionName, timeoutMillis));
          } catch (Exception | Error e) {
            status = 502;
            out.reset();
            out.write(
                ("{\"errorType\":\"" + e.getClass().getSimpleName() + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            e.printStackTrace(System.out);
          }
          byte[] body = out.toByteArray();
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    System.out.println(READY + " port=" + port);
  }
}
