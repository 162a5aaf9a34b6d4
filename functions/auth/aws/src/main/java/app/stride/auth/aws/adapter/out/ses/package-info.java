/**
 * Amazon SES v2 adapter of the auth mail port: {@link
 * app.stride.auth.aws.adapter.out.ses.SesMailSender} sends each rendered mail with {@code
 * SendEmail} (simple content: subject, text, HTML) under a configuration set, through the shared
 * URL-connection client. SES failures become {@link app.stride.auth.mail.MailUnavailableException}.
 */
package app.stride.auth.aws.adapter.out.ses;
