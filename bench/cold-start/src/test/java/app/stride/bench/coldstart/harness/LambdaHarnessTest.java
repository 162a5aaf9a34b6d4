package app.stride.bench.coldstart.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LambdaHarnessTest {

  @Test
  void report_printsTheResponseOnOneLine_thenTheThreeInstants() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    LambdaHarness.report(
        out, "{\"statusCode\":200,\n\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8), 10, 20, 35);

    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "RESPONSE {\"statusCode\":200, \"body\":\"x\"}"
                + System.lineSeparator()
                + "TIMES main=10 init=20 done=35"
                + System.lineSeparator());
  }

  @Test
  void epochMicros_keepsMicrosecondsAndDropsNanoseconds() {
    Instant instant = Instant.ofEpochSecond(1_795_687_200L, 123_456_789);

    assertThat(LambdaHarness.epochMicros(instant)).isEqualTo(1_795_687_200_123_456L);
  }
}
