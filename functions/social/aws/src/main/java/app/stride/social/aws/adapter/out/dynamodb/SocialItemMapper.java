package app.stride.social.aws.adapter.out.dynamodb;

import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Invite;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import java.time.Instant;
import java.util.Optional;

/** Between the domain and {@link SocialItem}; keys as the item's Javadoc lays them out. */
final class SocialItemMapper {
  static final String GROUP_SK = "group";
  static final String INVITE_SK = "invite";
  static final char SEARCH_SEPARATOR = '\u0001';

  private SocialItemMapper() {}

  static String groupPk(GroupId id) {
    return "g#" + id.value();
  }

  static String chatPk(GroupId id) {
    return "c#" + id.value();
  }

  static String claimPk(GroupId id) {
    return "k#" + id.value();
  }

  static String memberSk(UserId user) {
    return "m#" + user.value();
  }

  static String requestSk(UserId user) {
    return "r#" + user.value();
  }

  static String banSk(UserId user) {
    return "b#" + user.value();
  }

  static String messageSk(MessageId id) {
    return "msg#" + id.value();
  }

  static String userPk(UserId user) {
    return "u#" + user.value();
  }

  /** The {@value SocialItem#BY_USER} partition of a user's pending join requests. */
  static String requesterPk(UserId user) {
    return "ur#" + user.value();
  }

  /** The {@value SocialItem#BY_USER} partition of the invites a user made. */
  static String inviterPk(UserId user) {
    return "ui#" + user.value();
  }

  /** The {@value SocialItem#BY_USER} partition of an author's messages that are not deleted. */
  static String authorPk(UserId user) {
    return "ua#" + user.value();
  }

  /** The {@value SocialItem#BY_USER} sort key of a message: group, then sending order. */
  static String authorSk(GroupId group, MessageId id) {
    return group.value() + "#" + id.value();
  }

  static String invitePk(String hash) {
    return "i#" + hash;
  }

  /** The {@value SocialItem#BY_NAME} partition of a search key: its first character. */
  static String searchPk(String nameKey) {
    return "n#" + nameKey.substring(0, Character.charCount(nameKey.codePointAt(0)));
  }

  static String searchSk(String nameKey, GroupId id) {
    return nameKey + SEARCH_SEPARATOR + id.value();
  }

  static SocialItem toItem(Group group) {
    SocialItem item = new SocialItem();
    item.setPk(groupPk(group.id()));
    item.setSk(GROUP_SK);
    item.setGroupId(group.id().value());
    item.setName(group.name());
    item.setDescription(group.description().orElse(null));
    item.setSport(group.sport());
    item.setVisibility(group.visibility().name());
    item.setOwnerId(group.ownerId().value());
    item.setMemberCount(group.memberCount());
    item.setCreatedAt(group.createdAt().toString());
    item.setUpdatedAt(group.updatedAt().toString());
    if (group.isPublic()) {
      item.setSearchPk(searchPk(group.nameKey()));
      item.setSearchSk(searchSk(group.nameKey(), group.id()));
    }
    return item;
  }

  static Group toGroup(SocialItem item) {
    return new Group(
        new GroupId(item.getGroupId()),
        item.getName(),
        Optional.ofNullable(item.getDescription()),
        item.getSport(),
        Visibility.valueOf(item.getVisibility()),
        new UserId(item.getOwnerId()),
        item.getMemberCount(),
        Instant.parse(item.getCreatedAt()),
        Instant.parse(item.getUpdatedAt()),
        item.getVersion());
  }

  static SocialItem toItem(Membership membership) {
    SocialItem item = new SocialItem();
    item.setPk(groupPk(membership.groupId()));
    item.setSk(memberSk(membership.userId()));
    item.setGroupId(membership.groupId().value());
    item.setUserId(membership.userId().value());
    item.setUserPk(userPk(membership.userId()));
    item.setUserSk(membership.groupId().value());
    item.setRole(membership.storedRole().name());
    item.setDisplayName(membership.card().displayName());
    item.setAvatarRef(membership.card().avatarRef().orElse(null));
    item.setJoinedAt(membership.joinedAt().toString());
    item.setLastRead(membership.lastRead().map(MessageId::value).orElse(null));
    return item;
  }

  static Membership toMembership(SocialItem item) {
    return new Membership(
        new GroupId(item.getGroupId()),
        new UserId(item.getUserId()),
        GroupRole.valueOf(item.getRole()),
        card(item),
        Instant.parse(item.getJoinedAt()),
        Optional.ofNullable(item.getLastRead()).map(MessageId::new),
        item.getVersion());
  }

  static SocialItem toItem(JoinRequest request) {
    SocialItem item = new SocialItem();
    item.setPk(groupPk(request.groupId()));
    item.setSk(requestSk(request.userId()));
    item.setGroupId(request.groupId().value());
    item.setUserId(request.userId().value());
    item.setUserPk(requesterPk(request.userId()));
    item.setUserSk(request.groupId().value());
    item.setDisplayName(request.card().displayName());
    item.setAvatarRef(request.card().avatarRef().orElse(null));
    item.setJoinedAt(request.requestedAt().toString());
    return item;
  }

  static JoinRequest toRequest(SocialItem item) {
    return new JoinRequest(
        new GroupId(item.getGroupId()),
        new UserId(item.getUserId()),
        card(item),
        Instant.parse(item.getJoinedAt()));
  }

  static SocialItem toItem(Ban ban) {
    SocialItem item = new SocialItem();
    item.setPk(groupPk(ban.groupId()));
    item.setSk(banSk(ban.userId()));
    item.setGroupId(ban.groupId().value());
    item.setUserId(ban.userId().value());
    item.setActorId(ban.bannedBy().value());
    item.setCreatedAt(ban.bannedAt().toString());
    return item;
  }

  static Ban toBan(SocialItem item) {
    return new Ban(
        new GroupId(item.getGroupId()),
        new UserId(item.getUserId()),
        new UserId(item.getActorId()),
        Instant.parse(item.getCreatedAt()));
  }

  static SocialItem toItem(Invite invite) {
    SocialItem item = new SocialItem();
    item.setPk(invitePk(invite.tokenHash()));
    item.setSk(INVITE_SK);
    item.setGroupId(invite.groupId().value());
    item.setActorId(invite.createdBy().value());
    item.setUserPk(inviterPk(invite.createdBy()));
    item.setUserSk(invite.tokenHash());
    item.setExpiresAt(invite.expiresAt().getEpochSecond());
    item.setMaxUses(invite.maxUses());
    item.setUses(invite.uses());
    return item;
  }

  static Invite toInvite(String hash, SocialItem item) {
    return new Invite(
        hash,
        new GroupId(item.getGroupId()),
        new UserId(item.getActorId()),
        Instant.ofEpochSecond(item.getExpiresAt()),
        item.getMaxUses(),
        item.getUses(),
        item.getVersion());
  }

  static SocialItem toItem(Message message) {
    SocialItem item = new SocialItem();
    item.setPk(chatPk(message.groupId()));
    item.setSk(messageSk(message.id()));
    item.setGroupId(message.groupId().value());
    item.setMessageId(message.id().value());
    item.setUserId(message.authorId().value());
    if (!message.deleted()) {
      // A tombstone leaves the author index: the eraser finds what is left to erase, nothing more.
      item.setUserPk(authorPk(message.authorId()));
      item.setUserSk(authorSk(message.groupId(), message.id()));
    }
    item.setText(message.text().orElse(null));
    item.setCreatedAt(message.sentAt().toString());
    item.setEditedAt(message.editedAt().map(Instant::toString).orElse(null));
    item.setDeleted(message.deleted());
    item.setClientMessageId(message.clientMessageId());
    return item;
  }

  static Message toMessage(SocialItem item) {
    return new Message(
        new GroupId(item.getGroupId()),
        new MessageId(item.getMessageId()),
        new UserId(item.getUserId()),
        Optional.ofNullable(item.getText()),
        Instant.parse(item.getCreatedAt()),
        Optional.ofNullable(item.getEditedAt()).map(Instant::parse),
        Boolean.TRUE.equals(item.getDeleted()),
        item.getClientMessageId(),
        item.getVersion());
  }

  private static PublicCard card(SocialItem item) {
    return new PublicCard(item.getDisplayName(), Optional.ofNullable(item.getAvatarRef()));
  }
}
