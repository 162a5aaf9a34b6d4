package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

  /** RFC 4648 section 10 vectors, without the padding. */
  @ParameterizedTest
  @CsvSource({
    "f, MY",
    "fo, MZXQ",
    "foo, MZXW6",
    "foob, MZXW6YQ",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI"
  })
  void encodesAndDecodesRfc4648Vectors(String plain, String encoded) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

    assertThat(Base32.encode(bytes)).isEqualTo(encoded);
    assertThat(Base32.decode(encoded)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mzxw6ytboi", "MZXW 6YTB OI", "MZXW6YTBOI======"})
  void decode_ignoresCaseSpacesAndPadding(String text) {
    assertThat(Base32.decode(text)).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MZXW1", "MZXW8", "MZXWÄ", "===="})
  void decode_refusesTextOutsideTheAlphabet(String text) {
    assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
