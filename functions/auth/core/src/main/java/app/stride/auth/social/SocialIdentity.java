package app.stride.auth.social;

import app.stride.auth.credential.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified ID token says the user is.
 *
 * @param provider the provider that issued the token
 * @param subject the provider's stable user id ({@code sub}); the only key to link an account by
 *     without a verified email
 * @param email the email the token carries, if any and if it is a valid address
 * @param emailVerified true only when an email is present and the provider asserts it verified; an
 *     account may be linked by email only then
 * @param privateRelay true when the email is an Apple private relay address ({@code
 *     is_private_email} or the {@code privaterelay.appleid.com} domain): it reaches the user but
 *     names no other account of theirs
 */
public record SocialIdentity(
    SocialProvider provider,
    String subject,
    Optional<EmailAddress> email,
    boolean emailVerified,
    boolean privateRelay) {

  /** Checks the invariants: a subject is present, and only a present email can be verified. */
  public SocialIdentity {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(email, "email");
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a social identity needs a subject");
    }
    if (emailVerified && email.isEmpty()) {
      throw new IllegalArgumentException("no email to be verified");
    }
  }
}
