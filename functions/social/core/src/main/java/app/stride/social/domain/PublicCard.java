package app.stride.social.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What other members see of a member: the only personal data a group's region holds about a member
 * homed elsewhere (DESIGN.md section 3).
 *
 * @param displayName the name shown
 * @param avatarRef a reference to the avatar image (a media key), or empty
 */
public record PublicCard(String displayName, Optional<String> avatarRef) {
  public PublicCard {
    Objects.requireNonNull(displayName, "displayName");
    avatarRef = avatarRef == null ? Optional.empty() : avatarRef;
  }
}
