package app.stride.auth.social;

/**
 * The ID token is not acceptable. {@link #reason()} is a short code, safe to log and to return to
 * the client; the message never contains the token, the nonce or any claim value.
 */
public final class SocialTokenRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not a compact JWS, or a required claim has the wrong type. */
  public static final String MALFORMED = "malformed";

  /** Longer than any genuine ID token. */
  public static final String TOO_LONG = "too-long";

  /**
   * The header names another algorithm than the one pinned for the provider ({@code none},
   * HS256...).
   */
  public static final String ALGORITHM = "algorithm";

  /** No key of the provider's JWKS has the token's {@code kid}, even after a refresh. */
  public static final String UNKNOWN_KEY = "unknown-key";

  /** The signature does not verify with the provider's key. */
  public static final String SIGNATURE = "signature";

  /** {@code iss} is not the provider's issuer. */
  public static final String ISSUER = "issuer";

  /** {@code aud} does not name (only) our client ids, or {@code azp} is wrong. */
  public static final String AUDIENCE = "audience";

  /** {@code exp} is missing or past. */
  public static final String EXPIRED = "expired";

  /** {@code nbf} is in the future. */
  public static final String NOT_YET_VALID = "not-yet-valid";

  /** {@code iat} is missing or in the future. */
  public static final String ISSUED_IN_FUTURE = "issued-in-future";

  /** {@code iat} is further in the past than a sign-in takes. */
  public static final String TOO_OLD = "too-old";

  /** The request or the token carries no nonce. */
  public static final String NONCE_MISSING = "nonce-missing";

  /** The token's nonce is not the one of this sign-in. */
  public static final String NONCE_MISMATCH = "nonce-mismatch";

  /** {@code sub} is missing or not a plausible provider user id. */
  public static final String SUBJECT = "subject";

  private final String reason;

  SocialTokenRejectedException(SocialProvider provider, String reason) {
    super("The " + provider + " ID token was rejected: " + reason);
    this.reason = reason;
  }

  /** Why the token was rejected: one of the constants of this class. */
  public String reason() {
    return reason;
  }
}
