package app.stride.auth.social;

/** An identity provider whose OpenID Connect ID tokens Stride accepts for sign-in. */
public enum SocialProvider {
  /** Sign in with Google. */
  GOOGLE,
  /** Sign in with Apple. */
  APPLE
}
