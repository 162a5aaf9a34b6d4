package app.stride.auth.token;

/** Where a signing key is in its life; see {@link KeyRotation} for the transitions. */
public enum KeyState {
  /** Published in the JWKS, not signing yet: verifiers learn it before the first token needs it. */
  NEXT,
  /** The one key that signs new tokens; published. */
  CURRENT,
  /** No longer signing; still published until every token it signed has expired. */
  RETIRED
}
