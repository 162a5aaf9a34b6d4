package app.stride.social.gcp.adapter.out.firestore;

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
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Firestore documents of social and their mapping. Collections (flat, so one equality filter
 * and one order serve every listing; composite indexes for infra in the package Javadoc):
 *
 * <ul>
 *   <li>{@value #GROUPS}/{@code <groupId>}: the group, {@code nameKey} and {@code public} for
 *       search;
 *   <li>{@value #MEMBERS}/{@code <groupId>:<userId>}: a membership, its personal data the public
 *       card only ({@code displayName}, {@code avatarRef});
 *   <li>{@value #REQUESTS} and {@value #BANS}/{@code <groupId>:<userId>};
 *   <li>{@value #INVITES}/{@code <sha-256 of the token>} ({@code expiresAt} a timestamp, the TTL
 *       field);
 *   <li>{@value #MESSAGES}/{@code <groupId>:<messageId>};
 *   <li>{@value #CLAIMS}/{@code <groupId>:<authorId>:<clientMessageId>} → {@code messageId}.
 * </ul>
 *
 * Times are ISO-8601 strings (exact to the nanosecond, ordered as text); {@code version} is the
 * optimistic version the conditional writes check.
 */
final class SocialDocuments {
  static final String GROUPS = "groups";
  static final String MEMBERS = "groupMembers";
  static final String REQUESTS = "groupJoinRequests";
  static final String BANS = "groupBans";
  static final String INVITES = "groupInvites";
  static final String MESSAGES = "groupMessages";
  static final String CLAIMS = "groupSendClaims";

  private SocialDocuments() {}

  static String pair(GroupId group, Object rest) {
    return group.value() + ":" + rest;
  }

  static Map<String, Object> of(Group group) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("groupId", group.id().value());
    doc.put("name", group.name());
    doc.put("nameKey", group.nameKey());
    doc.put("public", group.isPublic());
    group.description().ifPresent(d -> doc.put("description", d));
    doc.put("sport", group.sport());
    doc.put("visibility", group.visibility().name());
    doc.put("ownerId", group.ownerId().value());
    doc.put("memberCount", group.memberCount());
    doc.put("createdAt", group.createdAt().toString());
    doc.put("updatedAt", group.updatedAt().toString());
    doc.put("version", group.version());
    return doc;
  }

  static Group group(DocumentSnapshot doc) {
    return new Group(
        new GroupId(doc.getString("groupId")),
        doc.getString("name"),
        Optional.ofNullable(doc.getString("description")),
        doc.getString("sport"),
        Visibility.valueOf(doc.getString("visibility")),
        new UserId(doc.getString("ownerId")),
        doc.getLong("memberCount").intValue(),
        Instant.parse(doc.getString("createdAt")),
        Instant.parse(doc.getString("updatedAt")),
        doc.getLong("version"));
  }

  static Map<String, Object> of(Membership membership) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("groupId", membership.groupId().value());
    doc.put("userId", membership.userId().value());
    doc.put("role", membership.storedRole().name());
    putCard(doc, membership.card());
    doc.put("joinedAt", membership.joinedAt().toString());
    membership.lastRead().ifPresent(m -> doc.put("lastRead", m.value()));
    doc.put("version", membership.version());
    return doc;
  }

  static Membership membership(DocumentSnapshot doc) {
    return new Membership(
        new GroupId(doc.getString("groupId")),
        new UserId(doc.getString("userId")),
        GroupRole.valueOf(doc.getString("role")),
        card(doc),
        Instant.parse(doc.getString("joinedAt")),
        Optional.ofNullable(doc.getString("lastRead")).map(MessageId::new),
        doc.getLong("version"));
  }

  static Map<String, Object> of(JoinRequest request) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("groupId", request.groupId().value());
    doc.put("userId", request.userId().value());
    putCard(doc, request.card());
    doc.put("requestedAt", request.requestedAt().toString());
    return doc;
  }

  static JoinRequest request(DocumentSnapshot doc) {
    return new JoinRequest(
        new GroupId(doc.getString("groupId")),
        new UserId(doc.getString("userId")),
        card(doc),
        Instant.parse(doc.getString("requestedAt")));
  }

  static Map<String, Object> of(Ban ban) {
    return Map.of(
        "groupId", ban.groupId().value(),
        "userId", ban.userId().value(),
        "bannedBy", ban.bannedBy().value(),
        "bannedAt", ban.bannedAt().toString());
  }

  static Ban ban(DocumentSnapshot doc) {
    return new Ban(
        new GroupId(doc.getString("groupId")),
        new UserId(doc.getString("userId")),
        new UserId(doc.getString("bannedBy")),
        Instant.parse(doc.getString("bannedAt")));
  }

  static Map<String, Object> of(Invite invite) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("groupId", invite.groupId().value());
    doc.put("createdBy", invite.createdBy().value());
    doc.put(
        "expiresAt",
        com.google.cloud.Timestamp.ofTimeSecondsAndNanos(
            invite.expiresAt().getEpochSecond(), invite.expiresAt().getNano()));
    doc.put("maxUses", invite.maxUses());
    doc.put("uses", invite.uses());
    doc.put("version", invite.version());
    return doc;
  }

  static Invite invite(String hash, DocumentSnapshot doc) {
    com.google.cloud.Timestamp expires = doc.getTimestamp("expiresAt");
    return new Invite(
        hash,
        new GroupId(doc.getString("groupId")),
        new UserId(doc.getString("createdBy")),
        Instant.ofEpochSecond(expires.getSeconds(), expires.getNanos()),
        doc.getLong("maxUses").intValue(),
        doc.getLong("uses").intValue(),
        doc.getLong("version"));
  }

  static Map<String, Object> of(Message message) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("groupId", message.groupId().value());
    doc.put("messageId", message.id().value());
    doc.put("authorId", message.authorId().value());
    message.text().ifPresent(t -> doc.put("text", t));
    doc.put("sentAt", message.sentAt().toString());
    message.editedAt().ifPresent(e -> doc.put("editedAt", e.toString()));
    doc.put("deleted", message.deleted());
    doc.put("clientMessageId", message.clientMessageId());
    doc.put("version", message.version());
    return doc;
  }

  static Message message(DocumentSnapshot doc) {
    return new Message(
        new GroupId(doc.getString("groupId")),
        new MessageId(doc.getString("messageId")),
        new UserId(doc.getString("authorId")),
        Optional.ofNullable(doc.getString("text")),
        Instant.parse(doc.getString("sentAt")),
        Optional.ofNullable(doc.getString("editedAt")).map(Instant::parse),
        Boolean.TRUE.equals(doc.getBoolean("deleted")),
        doc.getString("clientMessageId"),
        doc.getLong("version"));
  }

  private static void putCard(Map<String, Object> doc, PublicCard card) {
    doc.put("displayName", card.displayName());
    card.avatarRef().ifPresent(a -> doc.put("avatarRef", a));
  }

  private static PublicCard card(DocumentSnapshot doc) {
    return new PublicCard(
        doc.getString("displayName"), Optional.ofNullable(doc.getString("avatarRef")));
  }
}
