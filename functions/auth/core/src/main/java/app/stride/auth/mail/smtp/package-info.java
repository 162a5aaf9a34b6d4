/**
 * SMTP adapter of the mail port (Angus Mail, the Jakarta Mail implementation): the local platform's
 * GreenMail server and the SMTP relay of GCP regions. Configured by {@link
 * app.stride.auth.mail.smtp.SmtpConfig}; failures become {@link
 * app.stride.auth.mail.MailUnavailableException} with a message free of credentials and addresses.
 */
package app.stride.auth.mail.smtp;
