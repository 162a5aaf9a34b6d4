package app.stride.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailMessageTest {

  @Test
  void lineBreakInRecipientOrSubject_isRejected_noHeaderInjection() {
    assertThatThrownBy(() -> new MailMessage("a@example.org\r\nBcc: b@example.org", "s", "t", "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailMessage("a@example.org", "Hi\nBcc: b@example.org", "t", "h"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankParts_areRejected() {
    assertThatThrownBy(() -> new MailMessage(" ", "s", "t", "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailMessage("a@example.org", "s", "", "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailMessage("a@example.org", "s", "t", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void toString_showsSubjectAndDomain_notBodyOrLocalPart() {
    MailMessage mail =
        new MailMessage("runner@example.org", "Reset", "token=SECRET", "<p>token=SECRET</p>");

    assertThat(mail.toString())
        .contains("Reset")
        .contains("example.org")
        .doesNotContain("SECRET")
        .doesNotContain("runner");
  }
}
