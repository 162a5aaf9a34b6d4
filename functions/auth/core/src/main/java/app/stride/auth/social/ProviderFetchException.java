package app.stride.auth.social;

/**
 * A discovery document or JWKS could not be fetched or used. Internal: counted by the circuit
 * breaker and turned into {@link SocialProviderUnavailableException}. Messages name URIs and
 * statuses only.
 */
final class ProviderFetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProviderFetchException(String message) {
    super(message);
  }

  ProviderFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
