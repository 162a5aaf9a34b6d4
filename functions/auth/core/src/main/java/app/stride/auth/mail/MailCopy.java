package app.stride.auth.mail;

/**
 * The wording of every mail in one language. Implementations hold only text: links and durations
 * arrive ready-made, so a translation cannot break a link.
 */
interface MailCopy {

  /** "1 minute", "30 minutes". */
  String minutes(long count);

  /** "1 hour", "24 hours". */
  String hours(long count);

  /** The line before the plain URL, for readers whose client does not follow the button. */
  String linkHint();

  /** The sign-off under every mail. */
  String signature();

  MailContent verifyEmail(String link, String validFor);

  MailContent resetPassword(String link, String validFor);

  MailContent accountLocked(String resetLink, String lockedFor);

  MailContent passwordChanged(String resetLink);
}
