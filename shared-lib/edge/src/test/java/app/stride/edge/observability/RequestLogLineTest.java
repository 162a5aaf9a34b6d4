package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request line is written by hand, not by Jackson, and its identifier check is a loop, not a
 * regex: both must say exactly what the serializer and the documented pattern say.
 */
class RequestLogLineTest {
  private static final Pattern DOCUMENTED =
      Pattern.compile(RequestLogLine.SAFE + "{0," + RequestLogLine.MAX_LENGTH + "}");

  static List<RequestLogLine> lines() {
    return List.of(
        new RequestLogLine(
            "7c34fbe4-88af-4a94-8827-119cf78181f3",
            "0d831354293e0fe8d95ce20edabef2e8",
            "eu",
            "profiles",
            "getMyProfile",
            "GET",
            200,
            3),
        new RequestLogLine(
            "req\"1\\", "t\n", "apac", "auth", null, "P\u00d6ST", 503, Long.MAX_VALUE),
        new RequestLogLine(null, null, null, null, "x".repeat(129), "", -1, 0),
        new RequestLogLine("a._:/;=+@-Z9", "", "us", "f", "op", "DELETE", 429, 12_345));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void toJson_isWhatJacksonWrites(RequestLogLine line) {
    assertThat(line.toJson()).isEqualTo(Json.mapper().writeValueAsString(line));
  }

  @Test
  void isIdentifier_agreesWithTheDocumentedPattern_onEveryCharacter() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String value = "ab" + c + "9";
      assertThat(RequestLogLine.isIdentifier(value))
          .as("character %d", (int) c)
          .isEqualTo(DOCUMENTED.matcher(value).matches());
    }
  }

  @Test
  void isIdentifier_agreesWithTheDocumentedPattern_onLengthsAndRandomValues() {
    for (int length = 0; length <= 200; length++) {
      String value = "a".repeat(length);
      assertThat(RequestLogLine.isIdentifier(value)).isEqualTo(DOCUMENTED.matcher(value).matches());
    }
    Random random = new Random(4);
    String alphabet = "aZ09._:/;=+@-\"\\ \t\u00e9[]{}%,~";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(RequestLogLine.isIdentifier(value.toString()))
          .as(value.toString())
          .isEqualTo(DOCUMENTED.matcher(value).matches());
    }
  }
}
