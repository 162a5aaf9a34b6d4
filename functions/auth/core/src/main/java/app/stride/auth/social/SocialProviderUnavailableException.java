package app.stride.auth.social;

/**
 * The provider's discovery document or signing keys could not be obtained (network failure,
 * timeout, bad answer, circuit breaker open), or the provider is not configured here. The token was
 * neither accepted nor rejected: the caller answers "try again later" (503).
 */
public final class SocialProviderUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SocialProvider provider;

  SocialProviderUnavailableException(SocialProvider provider, String detail) {
    super("Sign-in with " + provider + " is unavailable: " + detail);
    this.provider = provider;
  }

  SocialProviderUnavailableException(SocialProvider provider, String detail, Throwable cause) {
    super("Sign-in with " + provider + " is unavailable: " + detail, cause);
    this.provider = provider;
  }

  /** The provider that could not be reached. */
  public SocialProvider provider() {
    return provider;
  }
}
