package app.stride.auth.mail;

/** Sends rendered mails: SMTP locally and in GCP regions, Amazon SES v2 in AWS regions. */
public interface MailPort {

  /**
   * Hands one message to the mail service; returns once the service accepted it.
   *
   * @throws MailUnavailableException when the service could not be reached, refused the message or
   *     failed; its message names the kind of failure, never an address, a credential or a token
   */
  void send(MailMessage message);
}
