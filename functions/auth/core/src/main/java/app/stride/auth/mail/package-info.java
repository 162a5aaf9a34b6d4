/**
 * Mail: the {@link app.stride.auth.mail.MailPort} the use cases send through, and the localized
 * {@link app.stride.auth.mail.MailTemplates} (English, German, Spanish; English as the fallback)
 * that turn a one-time token or an event into a ready {@link app.stride.auth.mail.MailMessage}.
 *
 * <p>Pure logic without I/O. The SMTP adapter lives in {@code app.stride.auth.mail.smtp}; the SES
 * adapter in {@code auth-aws}. Rendered messages carry one-time tokens in their links: never log
 * their text or HTML ({@link app.stride.auth.mail.MailMessage#toString()} leaves them out).
 */
package app.stride.auth.mail;
