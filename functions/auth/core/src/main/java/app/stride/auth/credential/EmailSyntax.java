package app.stride.auth.credential;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The syntax rules behind {@link EmailAddress}: RFC 5321/6531 dot-atom local parts (UTF-8 allowed),
 * internationalized domains converted to ASCII (punycode).
 *
 * <p>Deliberately refused although RFC-valid: quoted local parts, address literals ({@code
 * user@[192.0.2.1]}), single-label domains and domains with IDNA deviation characters (ß, ς, ZWJ,
 * ZWNJ), which {@link IDN} (IDNA2003) would map to a different domain than IDNA2008 does.
 */
final class EmailSyntax {

  static final int MAX_ADDRESS_OCTETS = 254;
  static final int MAX_LOCAL_PART_OCTETS = 64;
  private static final int MAX_DOMAIN_OCTETS = 253;
  private static final int MAX_LABEL_OCTETS = 63;

  /** Cheap bound checked before any normalization work. */
  private static final int MAX_RAW_CHARS = 1024;

  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
  private static final String IDNA_DEVIATIONS = "\u00DF\u03C2\u200C\u200D";

  private EmailSyntax() {}

  /** Trims, checks the characters and NFC-normalizes: the form to show back to the user. */
  static String clean(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidEmailException("blank", "Email address is required.");
    }
    if (raw.length() > MAX_RAW_CHARS) {
      throw tooLong();
    }
    String trimmed = raw.strip();
    trimmed.codePoints().forEach(EmailSyntax::requireAllowedCharacter);
    String display = Normalizer.normalize(trimmed, Normalizer.Form.NFC);
    if (display.length() > MAX_ADDRESS_OCTETS) {
      throw tooLong();
    }
    return display;
  }

  /** The canonical form of a cleaned address: lower-cased local part, ASCII lower-case domain. */
  static String canonicalize(String display) {
    int at = display.indexOf('@');
    if (at < 0 || at != display.lastIndexOf('@')) {
      throw new InvalidEmailException("malformed", "Email address must contain exactly one @.");
    }
    String local = display.substring(0, at);
    String domain = display.substring(at + 1);
    if (local.isEmpty() || domain.isEmpty()) {
      throw new InvalidEmailException(
          "malformed", "Email address needs a name before and a domain after the @.");
    }
    String canonical = canonicalLocalPart(local) + "@" + asciiDomain(domain);
    if (octets(canonical) > MAX_ADDRESS_OCTETS) {
      throw tooLong();
    }
    return canonical;
  }

  private static void requireAllowedCharacter(int codePoint) {
    if (codePoint == 0xFFFD) {
      throw new InvalidEmailException("invalid-encoding", "Email address is not valid UTF-8 text.");
    }
    switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          throw new InvalidEmailException(
              "invalid-characters", "Email address contains characters that are not allowed.");
      default -> {
        // allowed here; the local-part and domain rules check the rest
      }
    }
  }

  private static String canonicalLocalPart(String local) {
    if (local.startsWith("\"")) {
      throw invalidLocalPart("Quoted email addresses are not supported.");
    }
    if (octets(local) > MAX_LOCAL_PART_OCTETS) {
      throw invalidLocalPart("The part before the @ is longer than 64 bytes.");
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw invalidLocalPart("The part before the @ has a misplaced dot.");
    }
    if (!local.codePoints().allMatch(EmailSyntax::isLocalPartCharacter)) {
      throw invalidLocalPart("The part before the @ contains characters that are not allowed.");
    }
    return Normalizer.normalize(local.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  private static boolean isLocalPartCharacter(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || ATEXT_SPECIALS.indexOf(c) >= 0;
    }
    return !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  private static String asciiDomain(String domain) {
    if (domain.startsWith("[")) {
      throw invalidDomain("Address literals are not supported; use a domain name.");
    }
    if (domain.codePoints().anyMatch(c -> IDNA_DEVIATIONS.indexOf(c) >= 0)) {
      throw invalidDomain("The domain contains characters that are not supported.");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalidDomain("The domain is not a valid domain name.");
    }
    requireValidAsciiDomain(ascii);
    return ascii;
  }

  private static void requireValidAsciiDomain(String ascii) {
    if (ascii.length() > MAX_DOMAIN_OCTETS || ascii.endsWith(".")) {
      throw invalidDomain("The domain is not a valid domain name.");
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      throw invalidDomain("The domain needs at least one dot, like example.com.");
    }
    for (String label : labels) {
      if (!isLdhLabel(label)) {
        throw invalidDomain("The domain is not a valid domain name.");
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw invalidDomain("The domain is not a valid domain name.");
    }
  }

  private static boolean isLdhLabel(String label) {
    return !label.isEmpty()
        && label.length() <= MAX_LABEL_OCTETS
        && !label.startsWith("-")
        && !label.endsWith("-")
        && label
            .chars()
            .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }

  private static int octets(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static InvalidEmailException tooLong() {
    return new InvalidEmailException("too-long", "Email address is longer than 254 characters.");
  }

  private static InvalidEmailException invalidLocalPart(String message) {
    return new InvalidEmailException("invalid-local-part", message);
  }

  private static InvalidEmailException invalidDomain(String message) {
    return new InvalidEmailException("invalid-domain", message);
  }
}
