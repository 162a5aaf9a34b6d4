package app.stride.auth.mail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The mails of the auth capability, localized in English, German and Spanish (any other locale, or
 * none, gets English). Links point at the public web app: {@value #VERIFY_EMAIL_PATH}, {@value
 * #RESET_PASSWORD_PATH} (each with {@code ?token=}, URL-encoded) and {@value #FORGOT_PASSWORD_PATH}
 * (where a reset is requested; offered by the lock and password-changed notices).
 *
 * <p>Pure and thread-safe: build one per function instance.
 */
public final class MailTemplates {
  /** Path of the page that confirms an email address. */
  public static final String VERIFY_EMAIL_PATH = "/verify-email";

  /** Path of the page that sets a new password with a reset token. */
  public static final String RESET_PASSWORD_PATH = "/reset-password";

  /** Path of the page where a password reset is requested. */
  public static final String FORGOT_PASSWORD_PATH = "/forgot-password";

  /** How long a verification link works, as the mail tells the reader. */
  public static final Duration VERIFY_LINK_LIFETIME = Duration.ofHours(24);

  /** How long a password reset link works, as the mail tells the reader. */
  public static final Duration RESET_LINK_LIFETIME = Duration.ofMinutes(30);

  private final PublicLinks links;

  /**
   * @param publicBaseUrl the web app's base URL, e.g. {@code https://app.stride.example}; {@code
   *     https}, or {@code http} on a loopback host
   * @throws IllegalArgumentException when the URL is not absolute, not {@code https} outside
   *     loopback, or has a query or fragment
   */
  public MailTemplates(URI publicBaseUrl) {
    this.links = new PublicLinks(publicBaseUrl);
  }

  /** The locales written natively; every other locale gets English. */
  public static List<Locale> supportedLocales() {
    return List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("es"));
  }

  /** Asks a new user to confirm the address: a link to {@code <base>/verify-email?token=...}. */
  public MailMessage verifyEmail(String to, Locale locale, String token) {
    MailCopy copy = MailLanguage.of(locale).copy();
    return render(
        to,
        locale,
        copy.verifyEmail(
            links.withToken(VERIFY_EMAIL_PATH, token),
            DurationWording.of(VERIFY_LINK_LIFETIME, copy)));
  }

  /** Sends a reset link, {@code <base>/reset-password?token=...}, valid for 30 minutes. */
  public MailMessage resetPassword(String to, Locale locale, String token) {
    MailCopy copy = MailLanguage.of(locale).copy();
    return render(
        to,
        locale,
        copy.resetPassword(
            links.withToken(RESET_PASSWORD_PATH, token),
            DurationWording.of(RESET_LINK_LIFETIME, copy)));
  }

  /**
   * Tells the owner sign-in is locked for {@code lockedFor} and offers a password reset (a locked
   * account may still reset its password).
   */
  public MailMessage accountLocked(String to, Locale locale, Duration lockedFor) {
    MailCopy copy = MailLanguage.of(locale).copy();
    return render(
        to,
        locale,
        copy.accountLocked(links.page(FORGOT_PASSWORD_PATH), DurationWording.of(lockedFor, copy)));
  }

  /** Tells the owner the password changed and offers a reset in case it was not them. */
  public MailMessage passwordChanged(String to, Locale locale) {
    MailCopy copy = MailLanguage.of(locale).copy();
    return render(to, locale, copy.passwordChanged(links.page(FORGOT_PASSWORD_PATH)));
  }

  private static MailMessage render(String to, Locale locale, MailContent content) {
    Objects.requireNonNull(to, "to");
    return MailRenderer.render(to, MailLanguage.of(locale), content);
  }
}
