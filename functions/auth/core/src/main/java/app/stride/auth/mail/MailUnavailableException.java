package app.stride.auth.mail;

/**
 * A mail could not be handed to the mail service. The message is safe to log: adapters put in it
 * the kind of failure (unreachable, timed out, throttled, refused with a status code), never a
 * recipient, a credential or a token; they do not chain the driver's exception, whose text may echo
 * server replies.
 */
public final class MailUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param message a description without personal data or secrets
   * @param retryable whether the same message may succeed later (network failure, timeout,
   *     throttling, a temporary server error) rather than being refused for good
   */
  public MailUnavailableException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /**
   * Whether trying again later may succeed; false when the service refused the message for good.
   */
  public boolean retryable() {
    return retryable;
  }
}
