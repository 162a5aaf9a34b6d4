package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String VALID = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  @Test
  void parse_readsVersion00() {
    TraceContext context = TraceContext.parse(VALID, "congo=t61rcWkgMzE").orElseThrow();

    assertThat(context.traceId()).isEqualTo(TRACE_ID);
    assertThat(context.spanId()).isEqualTo(SPAN_ID);
    assertThat(context.sampled()).isTrue();
    assertThat(context.tracestate()).contains("congo=t61rcWkgMzE");
    assertThat(context.traceparent()).isEqualTo(VALID);
  }

  @Test
  void parse_toleratesSurroundingWhitespace() {
    assertThat(TraceContext.parse("  " + VALID + " ", null)).isPresent();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper case
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero parent id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // 00 must be exact
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // short trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-701", // misplaced dash
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // wrong separator
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", // non-hex flags
        "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // non-hex version
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // future, no dash after
        "garbage"
      })
  void parse_ignoresInvalidHeaders(String header) {
    assertThat(TraceContext.parse(header, "congo=t61rcWkgMzE")).isEmpty();
  }

  @Test
  void parse_acceptsAFutureVersionThatExtendsVersion00_andAnswersWith00() {
    TraceContext context =
        TraceContext.parse("cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-the-future-holds", null)
            .orElseThrow();

    assertThat(context.traceparent()).isEqualTo(VALID);
  }

  @Test
  void parse_propagatesOnlyTheSampledFlag() {
    TraceContext context =
        TraceContext.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-ff", null).orElseThrow();

    assertThat(context.traceparent()).endsWith("-01");
    assertThat(
            TraceContext.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-02", null)
                .orElseThrow()
                .traceparent())
        .endsWith("-00");
  }

  @Test
  void continueOrStart_makesAChildOfAValidParent() {
    TraceContext context = TraceContext.continueOrStart(VALID, "congo=t61rcWkgMzE");

    assertThat(context.traceId()).isEqualTo(TRACE_ID);
    assertThat(context.spanId()).isNotEqualTo(SPAN_ID).matches("[0-9a-f]{16}");
    assertThat(context.sampled()).isTrue();
    assertThat(context.tracestate()).contains("congo=t61rcWkgMzE");
  }

  @Test
  void continueOrStart_startsANewRootForAnInvalidParent_andDropsItsTracestate() {
    TraceContext context = TraceContext.continueOrStart("00-nonsense", "congo=t61rcWkgMzE");

    assertThat(context.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    assertThat(context.sampled()).isFalse();
    assertThat(context.tracestate()).isEmpty();
  }

  @Test
  void newRoot_drawsDistinctValidIds() {
    List<TraceContext> roots =
        IntStream.range(0, 100).mapToObj(i -> TraceContext.newRoot()).toList();

    assertThat(roots.stream().map(TraceContext::traceId).collect(Collectors.toSet())).hasSize(100);
    assertThat(roots)
        .allSatisfy(
            root -> assertThat(TraceContext.parse(root.traceparent(), null)).contains(root));
  }

  @Test
  void newRoot_neverDrawsAllZeroIds() {
    RandomGenerator zeros = () -> 0L;

    TraceContext root = TraceContext.newRoot(zeros);

    assertThat(root.traceId()).isEqualTo("0".repeat(31) + "1");
    assertThat(root.spanId()).isEqualTo("0".repeat(15) + "1");
  }

  @Test
  void newRoot_writesEachDrawnLongAsSixteenLowerCaseDigits_leadingZerosKept() {
    long[] draws = {0xabcL, -1L, 0x0123456789abcdefL};
    int[] next = {0};
    RandomGenerator fixed = () -> draws[next[0]++];

    TraceContext root = TraceContext.newRoot(fixed);

    assertThat(root.traceId()).isEqualTo("0000000000000abc" + "ffffffffffffffff");
    assertThat(root.spanId()).isEqualTo("0123456789abcdef");
  }

  @Test
  void child_isReproducibleFromASeededRandom() {
    TraceContext parent = TraceContext.parse(VALID, null).orElseThrow();

    assertThat(parent.child(new Random(7))).isEqualTo(parent.child(new Random(7)));
  }

  @Test
  void constructor_rejectsInvalidIds() {
    assertThatThrownBy(() -> new TraceContext("0".repeat(32), SPAN_ID, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TraceContext(TRACE_ID, "ABCDEF0123456789", false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tracestate_dropsAValueWithControlOrNonAsciiCharacters() {
    assertThat(TraceContext.parse(VALID, "a=b\r\nSet-Cookie: x").orElseThrow().tracestate())
        .isEmpty();
    assertThat(TraceContext.parse(VALID, "a=bé").orElseThrow().tracestate()).isEmpty();
  }

  @Test
  void tracestate_keepsAtMost32Members() {
    String many =
        IntStream.range(0, 40).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(","));

    String kept = TraceContext.parse(VALID, many).orElseThrow().tracestate().orElseThrow();

    assertThat(kept.split(",")).hasSize(32).startsWith("k0=v").endsWith("k31=v");
  }

  @Test
  void tracestate_overTheLengthBound_dropsLongMembersFirst_thenFromTheEnd() {
    String longMember = "long=" + "x".repeat(200);
    String members =
        IntStream.range(0, 30)
            .mapToObj(i -> "vendor" + i + "=" + "y".repeat(20))
            .collect(Collectors.joining(","));

    String kept =
        TraceContext.parse(VALID, longMember + "," + members).orElseThrow().tracestate().get();

    assertThat(kept.length()).isLessThanOrEqualTo(TraceState.MAX_LENGTH);
    assertThat(kept).doesNotContain("long=").startsWith("vendor0=");
    assertThat(kept).doesNotContain("vendor29=");
  }

  @Test
  void tracestate_withinBounds_isPassedThroughAsIs_withoutEmptyMembers() {
    assertThat(TraceContext.parse(VALID, "rojo=00f067aa0ba902b7, ,congo=t61rcWkgMzE").get())
        .extracting(c -> c.tracestate().orElseThrow())
        .isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
  }
}
