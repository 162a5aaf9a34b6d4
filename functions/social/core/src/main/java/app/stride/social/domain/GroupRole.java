package app.stride.social.domain;

/** A member's role in a group. A group has exactly one owner: the one its {@link Group} names. */
public enum GroupRole {
  OWNER,
  ADMIN,
  MEMBER;

  /** Whether this role may manage the group (settings, requests, invites, moderation). */
  public boolean manages() {
    return this != MEMBER;
  }
}
