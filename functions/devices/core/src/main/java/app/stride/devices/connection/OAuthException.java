package app.stride.devices.connection;

import app.stride.devices.domain.Provider;

/**
 * A token request failed. The message holds the provider, the reason, the HTTP status and, at most,
 * the OAuth error code from the answer: never a token, a secret or the answer's body.
 */
public final class OAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  public enum Reason {
    /** The provider refused (4xx, e.g. {@code invalid_grant}): the user must connect again. */
    REJECTED,
    /** The provider did not answer in time or answered 5xx / 429: retry later. */
    UNAVAILABLE,
    /** The provider answered 2xx without a usable token. */
    MALFORMED_RESPONSE
  }

  private final Provider provider;
  private final Reason reason;
  private final int status;

  public OAuthException(Provider provider, Reason reason, int status, String errorCode) {
    super(
        "token request to "
            + provider.wire()
            + " failed: "
            + reason
            + (status > 0 ? " (HTTP " + status + ")" : "")
            + (errorCode != null ? " " + errorCode : ""));
    this.provider = provider;
    this.reason = reason;
    this.status = status;
  }

  public OAuthException(Provider provider, Reason reason, Throwable cause) {
    super("token request to " + provider.wire() + " failed: " + reason, cause);
    this.provider = provider;
    this.reason = reason;
    this.status = 0;
  }

  public Provider provider() {
    return provider;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
