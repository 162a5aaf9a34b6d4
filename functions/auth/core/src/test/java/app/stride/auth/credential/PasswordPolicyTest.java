package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private static final PasswordPolicy POLICY = PasswordPolicy.standard();
  private static final EmailAddress EMAIL = EmailAddress.parse("marathon.anna@example.com");

  @Test
  void commonPasswordList_hasAtLeastTenThousandLowerCaseEntries() {
    assertThat(CommonPasswords.zxcvbn())
        .hasSizeGreaterThanOrEqualTo(10_000)
        .contains("password", "qwerty123456", "1qaz2wsx3edc")
        .allMatch(p -> p.equals(p.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void check_refuses11CodePoints_accepts12() {
    assertThat(reasonFor("plum-river7")).isEqualTo("too-short");
    assertAccepted("plum-river-7");
  }

  @Test
  void check_countsAnEmojiAsOneCharacter() {
    String elevenCodePoints = "runfastnow\uD83D\uDE00"; // 12 UTF-16 chars
    String twelveCodePoints = "runfastnow!\uD83D\uDE00";

    assertThat(elevenCodePoints).hasSize(12);
    assertThat(reasonFor(elevenCodePoints)).isEqualTo("too-short");
    assertAccepted(twelveCodePoints);
  }

  @Test
  void check_accepts128CodePoints_refuses129() {
    String base = "trail running at dawn ";
    String p128 = base.repeat(6).substring(0, 128);
    String p129 = base.repeat(6).substring(0, 129);

    assertAccepted(p128);
    assertThat(reasonFor(p129)).isEqualTo("too-long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"qwerty123456", "QWERTY123456", "1Qaz2Wsx3Edc", "LeaveMeAlone"})
  void check_refusesCommonPasswords_caseInsensitively(String password) {
    assertThat(reasonFor(password)).isEqualTo("common");
  }

  @Test
  void check_refusesCommonPassword_typedInFullWidthCharacters() {
    assertThat(
            reasonFor("\uFF31\uFF37\uFF25\uFF32\uFF34\uFF39\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16"))
        .isEqualTo("common");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my marathon.anna pass", "MARATHON.ANNA-2026!", "xxmarathon.annaxx"})
  void check_refusesPasswordContainingEmailLocalPart(String password) {
    assertThat(reasonFor(password)).isEqualTo("contains-email");
  }

  @Test
  void check_refusesPasswordContainingLocalPartBeforePlusTag() {
    EmailAddress tagged = EmailAddress.parse("annab+stride@example.com");

    assertThat(reasonFor("annab loves trail running", tagged)).isEqualTo("contains-email");
  }

  @Test
  void check_ignoresLocalPartsShorterThanThreeCharacters() {
    EmailAddress shortLocal = EmailAddress.parse("jo@example.com");

    assertThatCode(() -> POLICY.check("jogging every single morning", shortLocal))
        .doesNotThrowAnyException();
  }

  @Test
  void check_withoutEmail_skipsTheEmailRule() {
    assertThatCode(() -> POLICY.check("my marathon.anna pass", null)).doesNotThrowAnyException();
  }

  @Test
  void check_acceptsLongPassphraseWithSpaces() {
    assertAccepted("correct horse battery staple on a sunny trail");
  }

  @ParameterizedTest
  @ValueSource(strings = {"onlylowercaseletters", "739184620573", "ALLCAPSNODIGITS"})
  void check_hasNoCompositionRules(String password) {
    assertAccepted(password);
  }

  @Test
  void check_refusesOneRepeatedCharacter() {
    assertThat(reasonFor("zzzzzzzzzzzzzzzz")).isEqualTo("repetitive");
  }

  @Test
  void check_refusesNullAsTooShort() {
    assertThat(reasonFor(null)).isEqualTo("too-short");
  }

  @Test
  void check_errorMessageNamesTheRuleButNotThePassword() {
    WeakPasswordException e =
        catchThrowableOfType(
            WeakPasswordException.class, () -> POLICY.check("qwerty123456", EMAIL));

    assertThat(e.getMessage()).contains("common").doesNotContain("qwerty");
  }

  private static void assertAccepted(String password) {
    assertThatCode(() -> POLICY.check(password, EMAIL)).doesNotThrowAnyException();
  }

  private static String reasonFor(String password) {
    return reasonFor(password, EMAIL);
  }

  private static String reasonFor(String password, EmailAddress email) {
    WeakPasswordException e =
        catchThrowableOfType(WeakPasswordException.class, () -> POLICY.check(password, email));
    assertThat(e).as("expected the password to be refused").isNotNull();
    return e.reason();
  }
}
