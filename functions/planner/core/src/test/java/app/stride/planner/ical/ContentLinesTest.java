package app.stride.planner.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentLinesTest {

  @Test
  void escapeText_escapesBackslashSemicolonCommaAndNewlines() {
    assertThat(ContentLines.escapeText("a\\b;c,d\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
    assertThat(ContentLines.escapeText("one\r\ntwo\rthree")).isEqualTo("one\\ntwo\\nthree");
    assertThat(ContentLines.escapeText("colon: stays \"quoted\""))
        .isEqualTo("colon: stays \"quoted\"");
  }

  @Test
  void escapeText_dropsControlCharacters_butKeepsTabs() {
    assertThat(ContentLines.escapeText("a\u0000b\u0007c\td\u007f")).isEqualTo("abc\td");
  }

  @Test
  void fold_leavesA75OctetLineWhole_andEndsItWithCrlf() {
    String line = "X".repeat(75);

    assertThat(ContentLines.fold(line)).isEqualTo(line + "\r\n");
  }

  @Test
  void fold_breaksAt75Octets_andContinuesWithOneSpace() {
    String line = "Y".repeat(76 + 74);

    assertThat(ContentLines.fold(line))
        .isEqualTo("Y".repeat(75) + "\r\n " + "Y".repeat(74) + "\r\n " + "Y" + "\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"é", "€", "\u2713", "\uD83C\uDFC3", "a€", "ab😀"})
  void fold_neverSplitsAUtf8Sequence(String unit) {
    String line = "DESCRIPTION:" + unit.repeat(60);

    String folded = ContentLines.fold(line);

    List<String> physical = List.of(folded.split("\r\n"));
    assertThat(physical).hasSizeGreaterThan(1);
    assertThat(physical)
        .allSatisfy(
            part -> {
              byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
              assertThat(bytes.length).as(part).isLessThanOrEqualTo(75);
              assertThat(decodesStrictly(bytes)).as(part).isTrue();
            });
    assertThat(ICalLines.unfold(folded)).containsExactly(line);
  }

  @Test
  void fold_fillsLinesUpToTheLastWholeCharacter() {
    // 12 ASCII octets then 3-octet characters: 12 + 21 * 3 = 75 fits, the 22nd moves on
    String line = "DESCRIPTION:" + "€".repeat(22);

    String[] physical = ContentLines.fold(line).split("\r\n");

    assertThat(physical[0].getBytes(StandardCharsets.UTF_8)).hasSize(75);
    assertThat(physical[1]).isEqualTo(" €");
  }

  @Test
  void fold_ofAnEmptyValue_isJustTheLineBreak() {
    assertThat(ContentLines.fold("")).isEqualTo("\r\n");
  }

  private static boolean decodesStrictly(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
