package app.stride.bench.devices;

import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.store.CursorSeal;
import app.stride.devices.DevicesFunctions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The work of acknowledging a signed Polar {@code EXERCISE} webhook inside the function: {@code
 * DevicesFunctions.http(...).apply(request)} with in-memory ports (routing, spec validation, the
 * receiver's HMAC check, freshness and replay guard, the queue hand-off to a counting queue, the
 * 200). The baseline is the bare check of the same body: HMAC-SHA256 with a ready {@link Mac},
 * compared in constant time with the hex header. Neither includes the network, the cloud's gateway
 * or a real queue's latency.
 *
 * <p>Requests are signed before each iteration ({@value #POOL} of them, every one a new exercise
 * sent "now"), then taken in turn. The pool is larger than the replay guard's 10,000 keys, so a
 * body comes round again only after the guard has forgotten it: every measured call is a first
 * delivery. A call that is not answered 200 fails the run, and so does an iteration whose calls
 * were not all queued.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookAckBenchmark {
  /** Signed requests per iteration; more than the replay guard remembers. */
  static final int POOL = 16_384;

  /** The history's cursor key the function needs to start (a webhook never uses it). */
  private static final String CURSOR_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private ApiFunction function;
  private WebhookPorts.CountingQueue queue;
  private Mac mac;
  private ApiRequest[] requests;
  private int next;
  private long calls;

  /** The function as a region's deployment wires it, with Polar's key in its environment. */
  @Setup(Level.Trial)
  public void wire() {
    queue = new WebhookPorts.CountingQueue();
    function = function(queue);
    mac = SignedPolarWebhooks.hmac(SignedPolarWebhooks.KEY);
  }

  /** A fresh pool of signed requests, timestamped now. */
  @Setup(Level.Iteration)
  public void sign() {
    requests = SignedPolarWebhooks.batch(POOL, Clock.systemUTC().instant());
    next = 0;
    calls = 0;
    queue.reset();
  }

  /** Fails the iteration when a measured call was not queued (refused, replayed, lost). */
  @TearDown(Level.Iteration)
  public void checkAllQueued() {
    if (queue.sent() != calls) {
      throw new IllegalStateException(
          calls + " webhooks acknowledged but " + queue.sent() + " queued");
    }
  }

  @Benchmark
  public ApiResponse strideAcknowledge() {
    ApiResponse response = function.apply(take());
    calls++;
    if (response.status() != 200) {
      throw new IllegalStateException("webhook answered " + response.status());
    }
    return response;
  }

  @Benchmark
  public boolean baselineHmacOnly() {
    ApiRequest request = take();
    byte[] expected = mac.doFinal(request.body());
    byte[] given = HexFormat.of().parseHex(request.header("Polar-Webhook-Signature").orElse(""));
    if (!MessageDigest.isEqual(expected, given)) {
      throw new IllegalStateException("signature did not verify");
    }
    return true;
  }

  private ApiRequest take() {
    ApiRequest request = requests[next];
    next = (next + 1) % POOL;
    return request;
  }

  /** The devices HTTP function of the EU region around a queue, as a deployment wires it. */
  static ApiFunction function(WebhookPorts.CountingQueue queue) {
    return DevicesFunctions.http(
        WebhookPorts.around(queue),
        Map.of(
            SignedPolarWebhooks.KEY_ENV, SignedPolarWebhooks.KEY, CursorSeal.KEY_ENV, CURSOR_KEY),
        WebhookPorts.noTokens(),
        RegionId.of("eu"),
        Clock.systemUTC());
  }
}
