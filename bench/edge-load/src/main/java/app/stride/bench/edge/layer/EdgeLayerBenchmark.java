package app.stride.bench.edge.layer;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.edge.function.OriginVerification;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The edge layer's own work per request, in one thread and without HTTP, Redis or wrk: the
 * authenticated profile read of the layer run ({@link LayerServer.Sides}), {@code bare} against
 * {@code edge} on in-process buckets. What {@code run --layer} measures over loopback with {@code
 * LAYER_REDIS=off}, minus the server and the client, so a change to the layer shows as a change of
 * microseconds per request, with {@code -prof gc} its allocation. Users rotate as in the layer run,
 * with enough of them that no bucket refuses ({@link #USERS}: each user's read bucket refills 10 a
 * second); a request that is not answered 200 fails the run.
 *
 * <p>Run with {@code bench/edge-load/jmh} (the request lines go to a file, {@value #REQUEST_LOG}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EdgeLayerBenchmark {
  /** Users the requests rotate through. */
  static final int USERS = 5_000;

  @Param({"bare", "edge"})
  public String side;

  /** The system property naming the file the edge's request lines go to (else /dev/null). */
  static final String REQUEST_LOG = "stride.bench.requestLog";

  private ApiRequest[] requests;
  private PrintStream stdout;
  private java.util.function.Function<ApiRequest, ApiResponse> function;
  private int next;

  @Setup(Level.Trial)
  public void build() throws IOException {
    // Request lines go to standard output, as in a function; here to a file, not through JMH.
    stdout = System.out;
    System.setOut(
        new PrintStream(
            new FileOutputStream(System.getProperty(REQUEST_LOG, "/dev/null"), true),
            false,
            StandardCharsets.UTF_8));
    String secret = "layer-jmh-" + UUID.randomUUID();
    LayerServer.Sides sides =
        LayerServer.Sides.build(Map.of(OriginVerification.SECRET_ENV, secret), USERS);
    function = LayerServer.BARE.equals(side) ? sides.bare() : sides.edge();
    List<String> clients = sides.clients();
    requests = new ApiRequest[clients.size()];
    for (int i = 0; i < requests.length; i++) {
      String[] client = clients.get(i).split(" ");
      requests[i] =
          new ApiRequest(
              "GET",
              "/v1/me/profile",
              Map.of(),
              Map.of(
                  "Authorization",
                  "Bearer " + client[0],
                  "X-Stride-Viewer-Address",
                  client[1],
                  OriginVerification.HEADER,
                  secret),
              new byte[0],
              "127.0.0.1",
              "req-" + i);
    }
  }

  @TearDown(Level.Trial)
  public void restore() {
    PrintStream requestLog = System.out;
    System.setOut(stdout);
    requestLog.close();
  }

  /** One read, the next user's. */
  @Benchmark
  public ApiResponse read() {
    ApiResponse response = function.apply(requests[next]);
    next = next + 1 == requests.length ? 0 : next + 1;
    if (response.status() != 200) {
      throw new IllegalStateException(side + " answered " + response.status());
    }
    return response;
  }
}
