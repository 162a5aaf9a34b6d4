package app.stride.social.application.port.out;

import java.util.Objects;

/**
 * The serving region's social stores, as one cloud module provides them.
 *
 * @param groups groups
 * @param memberships memberships, join requests and bans
 * @param invites invites
 * @param messages chat messages
 */
public record SocialStores(
    GroupStore groups, MembershipStore memberships, InviteStore invites, MessageStore messages) {
  public SocialStores {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(memberships, "memberships");
    Objects.requireNonNull(invites, "invites");
    Objects.requireNonNull(messages, "messages");
  }
}
