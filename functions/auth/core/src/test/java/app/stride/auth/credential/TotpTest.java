package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

  /** RFC 6238 Appendix B SHA-1 seed: the ASCII bytes of "12345678901234567890". */
  private static final String RFC_SECRET =
      Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:42Z");
  private static final long NOW_STEP = NOW.getEpochSecond() / 30;
  private static final Totp TOTP = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));
  private static final String SECRET = TOTP.newSecret();

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void codeAt_matchesRfc6238Sha1Vectors_with8Digits(long epochSecond, String expected) {
    Totp eightDigits = new Totp(Clock.systemUTC(), 8);

    assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSecond)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1234567890, 89005924"})
  void codeAt_with6Digits_isTheLastSixDigitsOfTheRfcVector(long epochSecond, String rfc) {
    assertThat(TOTP.codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSecond)))
        .isEqualTo(rfc.substring(2));
  }

  @Test
  void acceptedStep_acceptsCurrentCode_andReturnsItsStep() {
    String code = TOTP.codeAt(SECRET, NOW);

    assertThat(TOTP.acceptedStep(SECRET, code, -1)).hasValue(NOW_STEP);
    assertThat(Totp.stepAt(NOW)).isEqualTo(NOW_STEP);
  }

  @Test
  void acceptedStep_acceptsOneStepOfDriftEitherWay() {
    assertThat(TOTP.acceptedStep(SECRET, TOTP.codeAt(SECRET, NOW.minusSeconds(30)), -1))
        .hasValue(NOW_STEP - 1);
    assertThat(TOTP.acceptedStep(SECRET, TOTP.codeAt(SECRET, NOW.plusSeconds(30)), -1))
        .hasValue(NOW_STEP + 1);
  }

  @Test
  void acceptedStep_refusesTwoStepsOfDriftEitherWay() {
    assertThat(TOTP.acceptedStep(SECRET, TOTP.codeAt(SECRET, NOW.minusSeconds(60)), -1)).isEmpty();
    assertThat(TOTP.acceptedStep(SECRET, TOTP.codeAt(SECRET, NOW.plusSeconds(60)), -1)).isEmpty();
  }

  @Test
  void acceptedStep_refusesReplayOfTheSameStep() {
    String code = TOTP.codeAt(SECRET, NOW);
    long used = TOTP.acceptedStep(SECRET, code, -1).orElseThrow();

    assertThat(TOTP.acceptedStep(SECRET, code, used)).isEmpty();
  }

  @Test
  void acceptedStep_refusesAnOlderStepAfterANewerOneWasUsed() {
    String previous = TOTP.codeAt(SECRET, NOW.minusSeconds(30));

    assertThat(TOTP.acceptedStep(SECRET, previous, NOW_STEP)).isEmpty();
    assertThat(TOTP.acceptedStep(SECRET, TOTP.codeAt(SECRET, NOW), NOW_STEP - 1))
        .hasValue(NOW_STEP);
  }

  @Test
  void acceptedStep_refusesWrongCode() {
    String right = TOTP.codeAt(SECRET, NOW);
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

    assertThat(TOTP.acceptedStep(SECRET, wrong, -1)).isEmpty();
  }

  @Test
  void acceptedStep_ignoresSpacesInsideTheCode() {
    String code = TOTP.codeAt(SECRET, NOW);

    assertThat(TOTP.acceptedStep(SECRET, code.substring(0, 3) + " " + code.substring(3), -1))
        .hasValue(NOW_STEP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12a456", "١٢٣٤٥٦"})
  void acceptedStep_refusesMalformedCodes(String code) {
    assertThat(TOTP.acceptedStep(SECRET, code, -1)).isEmpty();
    assertThat(TOTP.acceptedStep(SECRET, null, -1)).isEqualTo(OptionalLong.empty());
  }

  @Test
  void codeAt_usesAsciiDigitsWhateverTheDefaultLocale() {
    Locale previous = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertThat(TOTP.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void newSecret_is160RandomBitsInBase32() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      secrets.add(TOTP.newSecret());
    }

    assertThat(secrets).hasSize(100).allMatch(s -> s.matches("[A-Z2-7]{32}"));
    assertThat(Base32.decode(SECRET)).hasSize(20);
  }

  @Test
  void otpauthUri_hasIssuerLabelAndParameters_withUrlEncodedAccount() {
    String uri = TOTP.otpauthUri("JBSWY3DPEHPK3PXP", "anna+run@bücher.example");

    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Stride:anna%2Brun%40b%C3%BCcher.example"
                + "?secret=JBSWY3DPEHPK3PXP&issuer=Stride&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUri_encodesSpacesAsPercent20_notPlus() {
    assertThat(TOTP.otpauthUri("JBSWY3DPEHPK3PXP", "Anna Berg"))
        .startsWith("otpauth://totp/Stride:Anna%20Berg?");
  }

  @Test
  void invalidSecret_isRefusedWithoutEchoingIt() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> TOTP.acceptedStep("NOT-BASE32!1", "123456", -1));

    assertThat(e.getMessage()).doesNotContain("NOT-BASE32");
  }
}
