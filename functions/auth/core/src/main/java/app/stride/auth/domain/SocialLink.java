package app.stride.auth.domain;

import java.util.Objects;

/**
 * An external identity linked to an account.
 *
 * @param provider the identity provider ({@code google}, {@code apple})
 * @param subject the provider's stable subject id ({@code sub})
 */
public record SocialLink(String provider, String subject) {
  public SocialLink {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subject, "subject");
    if (!provider.matches("[a-z]{2,16}") || subject.isBlank() || subject.length() > 255) {
      throw new IllegalArgumentException("bad social link");
    }
  }
}
