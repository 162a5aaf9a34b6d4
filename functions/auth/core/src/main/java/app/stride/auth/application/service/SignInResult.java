package app.stride.auth.application.service;

/** The outcome of a first sign-in step: tokens, or a second factor to prove. */
public sealed interface SignInResult {
  /** Signed in. {@code created} is true when this sign-in created the account. */
  record SignedIn(TokenPair tokens, boolean created) implements SignInResult {}

  /** The password (or provider) was right; a TOTP or recovery code must follow. */
  record MfaRequired(String mfaToken) implements SignInResult {}
}
