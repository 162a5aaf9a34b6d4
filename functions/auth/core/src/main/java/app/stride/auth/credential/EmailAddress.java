package app.stride.auth.credential;

import java.util.Objects;

/**
 * A login email address.
 *
 * <p>{@code canonical} is the identity (lower-cased local part, domain converted to lower-case
 * ASCII/punycode); {@code display} is what the user typed, trimmed and NFC-normalized. Plus
 * addressing is kept: {@code anna+run@example.com} and {@code anna@example.com} are different
 * addresses. {@link #toString()} masks the address so that it does not end up in logs by accident.
 *
 * @param canonical the canonical form, used for lookups and uniqueness
 * @param display the form to show back to the user and to send mail to
 */
public record EmailAddress(String canonical, String display) {

  /** Domain of Apple's "Hide My Email" relay addresses. */
  public static final String APPLE_PRIVATE_RELAY_DOMAIN = "privaterelay.appleid.com";

  /**
   * Rebuilds an address from stored values, checking that they are consistent.
   *
   * @throws InvalidEmailException if {@code display} is not a valid address
   * @throws IllegalArgumentException if {@code canonical} is not the canonical form of {@code
   *     display}
   */
  public EmailAddress {
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(display, "display");
    if (!display.equals(EmailSyntax.clean(display))
        || !canonical.equals(EmailSyntax.canonicalize(display))) {
      throw new IllegalArgumentException("canonical and display forms do not match");
    }
  }

  /**
   * Parses user input: trims surrounding whitespace, NFC-normalizes and validates it.
   *
   * @throws InvalidEmailException with a message safe to show when the input is not a usable
   *     address (at most 254 characters)
   */
  public static EmailAddress parse(String raw) {
    String display = EmailSyntax.clean(raw);
    return new EmailAddress(EmailSyntax.canonicalize(display), display);
  }

  /** The canonical local part (before the {@code @}). */
  public String localPart() {
    return canonical.substring(0, canonical.lastIndexOf('@'));
  }

  /** The canonical domain (after the {@code @}), lower-case ASCII. */
  public String domain() {
    return canonical.substring(canonical.lastIndexOf('@') + 1);
  }

  /** Whether this is an Apple private relay address ({@value #APPLE_PRIVATE_RELAY_DOMAIN}). */
  public boolean isApplePrivateRelay() {
    return APPLE_PRIVATE_RELAY_DOMAIN.equals(domain());
  }

  /** A masked form ({@code a***@example.com}), safe for logs. */
  @Override
  public String toString() {
    return "EmailAddress["
        + canonical
            .codePoints()
            .limit(1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        + "***@"
        + domain()
        + "]";
  }
}
