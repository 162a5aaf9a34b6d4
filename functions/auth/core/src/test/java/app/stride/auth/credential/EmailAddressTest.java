package app.stride.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void parse_keepsPlusAddressing_asPartOfTheIdentity() {
    EmailAddress email = EmailAddress.parse("anna+running@example.com");

    assertThat(email.canonical()).isEqualTo("anna+running@example.com");
    assertThat(email.localPart()).isEqualTo("anna+running");
    assertThat(email).isNotEqualTo(EmailAddress.parse("anna@example.com"));
  }

  @Test
  void parse_lowerCasesCanonicalForm_butKeepsDisplayAsTyped() {
    EmailAddress email = EmailAddress.parse("Anna.Berg@Example.COM");

    assertThat(email.canonical()).isEqualTo("anna.berg@example.com");
    assertThat(email.display()).isEqualTo("Anna.Berg@Example.COM");
    assertThat(EmailAddress.parse("ANNA.BERG@example.com").canonical())
        .isEqualTo(email.canonical());
  }

  @Test
  void parse_trimsSurroundingWhitespace() {
    EmailAddress email = EmailAddress.parse(" \t anna@example.com \r\n");

    assertThat(email.display()).isEqualTo("anna@example.com");
    assertThat(email.canonical()).isEqualTo("anna@example.com");
  }

  @Test
  void parse_convertsInternationalDomainToPunycode() {
    EmailAddress email = EmailAddress.parse("user@Bücher.example");

    assertThat(email.canonical()).isEqualTo("user@xn--bcher-kva.example");
    assertThat(email.domain()).isEqualTo("xn--bcher-kva.example");
    assertThat(email.display()).isEqualTo("user@Bücher.example");
  }

  @Test
  void parse_treatsComposedAndDecomposedUnicodeAsTheSameAddress() {
    EmailAddress composed = EmailAddress.parse("jos\u00E9@b\u00FCcher.example");
    EmailAddress decomposed = EmailAddress.parse("jose\u0301@bu\u0308cher.example");

    assertThat(decomposed.canonical()).isEqualTo(composed.canonical());
    assertThat(decomposed.display()).isEqualTo(composed.display());
    assertThat(composed.localPart()).isEqualTo("josé");
  }

  @Test
  void parse_acceptsSubdomainsAndSpecialLocalPartCharacters() {
    assertThat(EmailAddress.parse("first.last@mail.eu.example.co.uk").domain())
        .isEqualTo("mail.eu.example.co.uk");
    assertThat(EmailAddress.parse("o'brien_{x}!#$%&*=?^`|~-/@example.org").localPart())
        .isEqualTo("o'brien_{x}!#$%&*=?^`|~-/");
  }

  @Test
  void parse_accepts64CharacterLocalPart_refuses65() {
    String domain = "@example.com";

    assertThat(EmailAddress.parse("a".repeat(64) + domain).localPart()).hasSize(64);
    assertThat(reasonFor("a".repeat(65) + domain)).isEqualTo("invalid-local-part");
  }

  @Test
  void parse_accepts254Characters_refuses255() {
    String local = "a".repeat(64);
    String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    String domain255 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);

    assertThat(EmailAddress.parse(local + "@" + domain254).canonical()).hasSize(254);
    assertThat(reasonFor(local + "@" + domain255)).isEqualTo("too-long");
    assertThat(reasonFor("a".repeat(100_000) + "@example.com")).isEqualTo("too-long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anna.example.com", "anna@berg@example.com", "@example.com", "anna@"})
  void parse_refusesAddressesWithoutExactlyOneAtBetweenTwoParts(String raw) {
    assertThat(reasonFor(raw)).isEqualTo("malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anna\u0000@example.com", "an\nna@example.com", "anna\u200B@example.com"})
  void parse_refusesControlAndInvisibleCharacters(String raw) {
    assertThat(reasonFor(raw)).isEqualTo("invalid-characters");
  }

  @Test
  void parse_refusesReplacementCharacterFromBrokenUtf8() {
    assertThat(reasonFor("ann\uFFFD@example.com")).isEqualTo("invalid-encoding");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"anna berg\"@example.com",
        ".anna@example.com",
        "anna.@example.com",
        "an..na@example.com",
        "an na@example.com",
        "an(na)@example.com"
      })
  void parse_refusesInvalidLocalParts_includingQuotedOnesByDesign(String raw) {
    assertThat(reasonFor(raw)).isEqualTo("invalid-local-part");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anna@localhost",
        "anna@[192.0.2.1]",
        "anna@-example.com",
        "anna@example-.com",
        "anna@example..com",
        "anna@example.com.",
        "anna@exa_mple.com",
        "anna@example.123",
        "anna@stra\u00DFe.de"
      })
  void parse_refusesInvalidOrUnsupportedDomains(String raw) {
    assertThat(reasonFor(raw)).isEqualTo("invalid-domain");
  }

  @Test
  void parse_refusesNullAndBlank() {
    assertThat(reasonFor(null)).isEqualTo("blank");
    assertThat(reasonFor("   ")).isEqualTo("blank");
  }

  @Test
  void parse_errorMessagesNeverRepeatTheAddress() {
    String secretish = "very.private.person";
    for (String raw :
        new String[] {secretish + "@", secretish + "@@example.com", secretish + "\u0000@x.com"}) {
      InvalidEmailException e =
          catchThrowableOfType(InvalidEmailException.class, () -> EmailAddress.parse(raw));
      assertThat(e.getMessage()).doesNotContain(secretish).isNotBlank();
    }
  }

  @Test
  void isApplePrivateRelay_recognisesAppleRelayDomainOnly() {
    assertThat(EmailAddress.parse("abc123xyz@privaterelay.appleid.com").isApplePrivateRelay())
        .isTrue();
    assertThat(EmailAddress.parse("abc123xyz@PrivateRelay.AppleID.com").isApplePrivateRelay())
        .isTrue();
    assertThat(EmailAddress.parse("abc123xyz@appleid.com").isApplePrivateRelay()).isFalse();
  }

  @Test
  void toString_masksTheAddress() {
    assertThat(EmailAddress.parse("anna.berg@example.com").toString())
        .isEqualTo("EmailAddress[a***@example.com]")
        .doesNotContain("berg");
  }

  @Test
  void constructor_rebuildsStoredValues_butRefusesInconsistentOnes() {
    assertThat(new EmailAddress("anna@example.com", "Anna@Example.com"))
        .isEqualTo(EmailAddress.parse("Anna@Example.com"));
    assertThatThrownBy(() -> new EmailAddress("bob@example.com", "anna@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmailAddress("anna@example.com", " anna@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String reasonFor(String raw) {
    InvalidEmailException e =
        catchThrowableOfType(InvalidEmailException.class, () -> EmailAddress.parse(raw));
    assertThat(e).as("expected %s to be refused", raw).isNotNull();
    return e.reason();
  }
}
