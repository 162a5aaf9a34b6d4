package app.stride.edge.observability;

import app.stride.core.config.Env;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes {@link RequestLogLine}s: one JSON object per request, alone on its line of standard
 * output, so the clouds' log pipelines take it as structured data (CloudWatch Logs Insights
 * discovers its fields; Cloud Logging keeps a JSON line as the entry's {@code jsonPayload}).
 *
 * <p>Not through SLF4J: its binding (slf4j-simple) puts the level and the logger's name before
 * every message, which turned the JSON into text in both clouds, and formatting a line through it
 * cost about as much as the rest of the edge layer together (docs/edge.md, round 7). Each line is
 * one write of its bytes, so the lines of concurrent requests never interleave. {@value #ENV}{@code
 * =off} silences it (a deployment that records requests elsewhere).
 */
public final class RequestLog {
  /**
   * The variable that silences request lines: {@code off}; anything else, or unset, writes them.
   */
  public static final String ENV = "STRIDE_REQUEST_LOG";

  private final Supplier<PrintStream> out;

  /** Writes to standard output ({@code System.out}, looked up at each line). */
  public RequestLog() {
    this(() -> System.out);
  }

  /** Writes to the stream {@code out} supplies at each line. */
  public RequestLog(Supplier<PrintStream> out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The request log {@code env} asks for: standard output, or none when {@value #ENV} is off. */
  public static Consumer<RequestLogLine> fromEnv(Env env) {
    boolean off =
        env.optional(ENV)
            .map(v -> v.trim().toLowerCase(Locale.ROOT))
            .filter("off"::equals)
            .isPresent();
    return off ? line -> {} : new RequestLog()::write;
  }

  /** Writes the line ({@link RequestLogLine#toJson()}) and a line feed, in one write. */
  public void write(RequestLogLine line) {
    byte[] bytes = line.toJsonLine().getBytes(StandardCharsets.UTF_8);
    PrintStream stream = out.get();
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }
}
