package app.stride.edge.observability;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * One position in a distributed trace, as W3C Trace Context (Level 1) carries it in {@code
 * traceparent} and {@code tracestate}.
 *
 * <p>Parsing is strict and never throws: an invalid {@code traceparent} is ignored and the caller
 * starts a new root ({@link #continueOrStart}), as the specification asks, so a client's bad header
 * never becomes an error. {@code tracestate} is kept only beside a valid {@code traceparent}, only
 * when it is printable ASCII, and bounded (see {@link TraceState}). Outbound headers are always
 * version {@code 00}; of the flags only {@code sampled} is propagated.
 *
 * @param traceId 32 lower-case hex digits, not all zeros
 * @param spanId 16 lower-case hex digits, not all zeros: this span, the parent-id of the next hop
 * @param sampled the {@code sampled} trace flag
 * @param traceState the vendor list to pass on, empty when none
 */
public record TraceContext(String traceId, String spanId, boolean sampled, String traceState) {
  /** The header that carries trace id, parent id and flags. */
  public static final String TRACEPARENT = "traceparent";

  /** The header that carries vendor-specific trace state. */
  public static final String TRACESTATE = "tracestate";

  private static final int VERSION_00_LENGTH = 55;
  private static final String ZERO_TRACE_ID = "0".repeat(32);
  private static final String ZERO_SPAN_ID = "0".repeat(16);
  private static final HexFormat HEX = HexFormat.of();

  public TraceContext {
    if (!isHex(traceId, 32) || ZERO_TRACE_ID.equals(traceId)) {
      throw new IllegalArgumentException("trace id must be 32 lower-case hex digits, not all 0");
    }
    if (!isHex(spanId, 16) || ZERO_SPAN_ID.equals(spanId)) {
      throw new IllegalArgumentException("span id must be 16 lower-case hex digits, not all 0");
    }
    traceState = TraceState.sanitize(traceState);
  }

  /**
   * Parses the two headers; empty when {@code traceparent} is absent or invalid (then {@code
   * tracestate} is ignored too). Accepts version {@code 00} exactly, and a higher version (not
   * {@code ff}) whose first 55 characters read as version 00 and which goes on with a {@code -}.
   */
  public static Optional<TraceContext> parse(String traceparent, String tracestate) {
    if (traceparent == null) {
      return Optional.empty();
    }
    String header = traceparent.strip();
    if (header.length() < VERSION_00_LENGTH || !isHex(header.substring(0, 2), 2)) {
      return Optional.empty();
    }
    String version = header.substring(0, 2);
    boolean lengthOk =
        "00".equals(version)
            ? header.length() == VERSION_00_LENGTH
            : !"ff".equals(version)
                && (header.length() == VERSION_00_LENGTH
                    || header.charAt(VERSION_00_LENGTH) == '-');
    if (!lengthOk
        || header.charAt(2) != '-'
        || header.charAt(35) != '-'
        || header.charAt(52) != '-') {
      return Optional.empty();
    }
    String traceId = header.substring(3, 35);
    String spanId = header.substring(36, 52);
    String flags = header.substring(53, 55);
    if (!isHex(traceId, 32)
        || !isHex(spanId, 16)
        || !isHex(flags, 2)
        || ZERO_TRACE_ID.equals(traceId)
        || ZERO_SPAN_ID.equals(spanId)) {
      return Optional.empty();
    }
    boolean sampled = (Integer.parseInt(flags, 16) & 0x01) != 0;
    return Optional.of(new TraceContext(traceId, spanId, sampled, tracestate));
  }

  /**
   * The context of this hop: a child of the incoming one when the headers are valid, otherwise a
   * new root.
   */
  public static TraceContext continueOrStart(String traceparent, String tracestate) {
    return parse(traceparent, tracestate).map(TraceContext::child).orElseGet(TraceContext::newRoot);
  }

  /** A new trace, not sampled (no sampler lives here: a downstream tracer decides). */
  public static TraceContext newRoot() {
    return newRoot(ThreadLocalRandom.current());
  }

  /** A new trace from the given random source (tests pass a seeded one). */
  public static TraceContext newRoot(RandomGenerator random) {
    return new TraceContext(randomHex(random, 32), randomHex(random, 16), false, "");
  }

  /** A new span in the same trace, with the same flags and trace state. */
  public TraceContext child() {
    return child(ThreadLocalRandom.current());
  }

  /** A new span in the same trace, ids drawn from {@code random}. */
  public TraceContext child(RandomGenerator random) {
    return new TraceContext(traceId, randomHex(random, 16), sampled, traceState);
  }

  /** The {@code traceparent} value naming this span as the parent: version 00. */
  public String traceparent() {
    return "00-" + traceId + '-' + spanId + (sampled ? "-01" : "-00");
  }

  /** The {@code tracestate} value to send, empty when there is none. */
  public Optional<String> tracestate() {
    return traceState.isEmpty() ? Optional.empty() : Optional.of(traceState);
  }

  private static boolean isHex(String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String randomHex(RandomGenerator random, int digits) {
    Objects.requireNonNull(random, "random");
    StringBuilder hex = new StringBuilder(digits);
    boolean allZero = true;
    while (hex.length() < digits) {
      long bits = random.nextLong();
      allZero &= bits == 0;
      hex.append(HEX.toHexDigits(bits)); // 16 lower-case digits, leading zeros kept
    }
    if (allZero) {
      hex.setCharAt(digits - 1, '1');
    }
    return hex.toString();
  }
}
