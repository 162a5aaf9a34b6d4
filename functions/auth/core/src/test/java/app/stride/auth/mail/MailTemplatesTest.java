package app.stride.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {
  private static final String TO = "runner@example.org";
  private static final String TOKEN = "q1W-_2e3R4t5";
  private static final Locale DE = Locale.GERMAN;
  private static final Locale ES = Locale.forLanguageTag("es");

  private final MailTemplates templates = new MailTemplates(URI.create("https://app.stride.test"));

  /** What each language's mails must say. */
  record Expected(
      Locale locale,
      String tag,
      String confirmWord,
      String oneDay,
      String thirtyMinutes,
      String fifteenMinutes) {}

  static Stream<Expected> languages() {
    return Stream.of(
        new Expected(Locale.ENGLISH, "en", "Confirm", "24 hours", "30 minutes", "15 minutes"),
        new Expected(DE, "de", "Bestätige", "24 Stunden", "30 Minuten", "15 Minuten"),
        new Expected(ES, "es", "Confirma", "24 horas", "30 minutos", "15 minutos"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void verifyEmail_linksToVerifyPage_inTheLocaleLanguage(Expected lang) {
    MailMessage mail = templates.verifyEmail(TO, lang.locale(), TOKEN);

    String link = "https://app.stride.test/verify-email?token=" + TOKEN;
    assertThat(mail.to()).isEqualTo(TO);
    assertThat(mail.subject()).contains(lang.confirmWord());
    assertThat(mail.text()).contains(link).contains(lang.oneDay());
    assertThat(mail.html())
        .contains("href=\"" + link + "\"")
        .contains("lang=\"" + lang.tag() + "\"");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void resetPassword_linksToResetPage_andSaysThirtyMinutes(Expected lang) {
    MailMessage mail = templates.resetPassword(TO, lang.locale(), TOKEN);

    String link = "https://app.stride.test/reset-password?token=" + TOKEN;
    assertThat(mail.text()).contains(link).contains(lang.thirtyMinutes());
    assertThat(mail.html()).contains("href=\"" + link + "\"").contains(lang.thirtyMinutes());
    assertThat(mail.subject()).doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @MethodSource("languages")
  void accountLocked_statesTheLockTime_andOffersAPasswordReset(Expected lang) {
    MailMessage mail = templates.accountLocked(TO, lang.locale(), Duration.ofMinutes(15));

    String link = "https://app.stride.test/forgot-password";
    assertThat(mail.text()).contains(lang.fifteenMinutes()).contains(link);
    assertThat(mail.html()).contains(lang.fifteenMinutes()).contains("href=\"" + link + "\"");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void passwordChanged_offersAPasswordResetInCaseItWasNotTheOwner(Expected lang) {
    MailMessage mail = templates.passwordChanged(TO, lang.locale());

    assertThat(mail.text()).contains("https://app.stride.test/forgot-password");
    assertThat(mail.html())
        .contains("href=\"https://app.stride.test/forgot-password\"")
        .contains("lang=\"" + lang.tag() + "\"");
  }

  @Test
  void eachLanguage_hasItsOwnWording() {
    List<String> subjects =
        Stream.of(Locale.ENGLISH, DE, ES)
            .map(l -> templates.passwordChanged(TO, l).subject())
            .toList();

    assertThat(subjects).doesNotHaveDuplicates();
    assertThat(templates.passwordChanged(TO, DE).subject()).contains("Passwort");
    assertThat(templates.passwordChanged(TO, ES).subject()).contains("contraseña");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja-JP", "pt-BR", "und"})
  void unsupportedLocale_fallsBackToEnglish(String tag) {
    Locale locale = Locale.forLanguageTag(tag);

    assertThat(templates.verifyEmail(TO, locale, TOKEN))
        .isEqualTo(templates.verifyEmail(TO, Locale.ENGLISH, TOKEN));
    assertThat(templates.accountLocked(TO, locale, Duration.ofHours(1)).html())
        .contains("lang=\"en\"");
  }

  @Test
  void missingLocale_fallsBackToEnglish() {
    assertThat(templates.resetPassword(TO, null, TOKEN))
        .isEqualTo(templates.resetPassword(TO, Locale.ENGLISH, TOKEN));
  }

  @Test
  void regionalLocale_usesItsLanguage() {
    assertThat(templates.verifyEmail(TO, Locale.forLanguageTag("de-AT"), TOKEN))
        .isEqualTo(templates.verifyEmail(TO, DE, TOKEN));
    assertThat(templates.verifyEmail(TO, Locale.forLanguageTag("es-MX"), TOKEN))
        .isEqualTo(templates.verifyEmail(TO, ES, TOKEN));
  }

  @Test
  void token_isUrlEncodedInTheLink() {
    MailMessage mail = templates.verifyEmail(TO, Locale.ENGLISH, "a+b/c=d&e f");

    assertThat(mail.text())
        .contains("https://app.stride.test/verify-email?token=a%2Bb%2Fc%3Dd%26e+f")
        .doesNotContain("a+b/c=d&e f");
  }

  @Test
  void everySubject_isShortAndSingleLine() {
    for (Locale locale : MailTemplates.supportedLocales()) {
      for (MailMessage mail : allMails(locale)) {
        assertThat(mail.subject()).hasSizeLessThanOrEqualTo(50).doesNotContain("\n");
      }
    }
  }

  @Test
  void html_escapesWhatItShows_soNothingInjectsMarkup() {
    MailTemplates odd = new MailTemplates(URI.create("https://app.stride.test/o'k&x"));

    MailMessage mail = odd.resetPassword(TO, Locale.ENGLISH, "\"><script>alert(1)</script>");

    assertThat(mail.html())
        .contains("href=\"https://app.stride.test/o&#39;k&amp;x/reset-password?token=")
        .doesNotContain("<script")
        .doesNotContain("o'k&x");
  }

  @Test
  void html_isACompleteUtf8Document() {
    MailMessage mail = templates.verifyEmail(TO, DE, TOKEN);

    assertThat(mail.html())
        .startsWith("<!DOCTYPE html>")
        .contains("<meta charset=\"utf-8\">")
        .contains("<title>" + mail.subject() + "</title>")
        .endsWith("</html>\n");
  }

  @Test
  void baseUrl_withTrailingSlashOrPath_buildsCleanLinks() {
    MailTemplates withPath = new MailTemplates(URI.create("https://stride.test/app/"));

    assertThat(withPath.verifyEmail(TO, Locale.ENGLISH, TOKEN).text())
        .contains("https://stride.test/app/verify-email?token=" + TOKEN);
  }

  @Test
  void baseUrl_mayBePlainHttpOnLoopbackOnly() {
    assertThat(
            new MailTemplates(URI.create("http://localhost:8080"))
                .verifyEmail(TO, Locale.ENGLISH, TOKEN)
                .text())
        .contains("http://localhost:8080/verify-email?token=");
    assertThatThrownBy(() -> new MailTemplates(URI.create("http://app.stride.test")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/relative",
        "ftp://app.stride.test",
        "https://app.stride.test/?a=b",
        "https://app.stride.test/#top",
        "https://user:pw@app.stride.test"
      })
  void baseUrl_unusable_isRejected(String url) {
    assertThatThrownBy(() -> new MailTemplates(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
  }

  @Test
  void blankToken_isRejected() {
    assertThatThrownBy(() -> templates.verifyEmail(TO, Locale.ENGLISH, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renderedMail_toStringLeavesTheTokenAndRecipientOut() {
    MailMessage mail = templates.verifyEmail(TO, Locale.ENGLISH, TOKEN);

    assertThat(mail.toString())
        .doesNotContain(TOKEN)
        .doesNotContain("runner")
        .contains(mail.subject());
  }

  private List<MailMessage> allMails(Locale locale) {
    return List.of(
        templates.verifyEmail(TO, locale, TOKEN),
        templates.resetPassword(TO, locale, TOKEN),
        templates.accountLocked(TO, locale, Duration.ofMinutes(15)),
        templates.passwordChanged(TO, locale));
  }
}
