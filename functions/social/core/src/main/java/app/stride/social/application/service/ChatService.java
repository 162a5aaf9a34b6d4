package app.stride.social.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.GroupChatUseCase;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.MessageDeliveryPort.Kind;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.application.service.GroupAccess.Access;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.MessageText;
import app.stride.social.domain.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Serves {@link GroupChatUseCase}. Sending is idempotent per {@code clientMessageId}: the client id
 * is claimed for a message id first (a conditional put), then the message is written under that id,
 * so a retry after any failure finds or finishes the same message. Each stored change goes to the
 * {@link MessageDeliveryPort}; a delivery failure is logged, never answered.
 */
public final class ChatService implements GroupChatUseCase {
  private final MessageStore messages;
  private final MembershipStore memberships;
  private final GroupAccess access;
  private final UnreadCounts unread;
  private final ChatChanges changes;
  private final Cursors cursors;
  private final RandomIds ids;
  private final Clock clock;

  ChatService(
      MessageStore messages,
      MembershipStore memberships,
      GroupAccess access,
      UnreadCounts unread,
      ChatChanges changes,
      Cursors cursors,
      RandomIds ids,
      Clock clock) {
    this.messages = messages;
    this.memberships = memberships;
    this.access = access;
    this.unread = unread;
    this.changes = changes;
    this.cursors = cursors;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Sent send(Principal caller, GroupId group, String text, String clientMessageId) {
    MessageText valid = text(text);
    Access member = access.member(caller, group);
    Instant now = clock.instant();
    MessageId id = messages.claim(group, member.user(), clientMessageId, MessageId.newAt(now, ids));
    Optional<Message> earlier = messages.load(group, id);
    if (earlier.isPresent()) {
      return new Sent(earlier.get(), false);
    }
    Message message = Message.send(group, id, member.user(), valid, now, clientMessageId);
    try {
      messages.create(message);
    } catch (VersionConflictException e) {
      return new Sent(messages.load(group, id).orElseThrow(Problems::busy), false);
    }
    changes.deliver(Kind.SENT, message);
    return new Sent(message, true);
  }

  @Override
  public Page<Message> history(
      Principal caller, GroupId group, int limit, Optional<String> cursor) {
    Paging.requireLimit(limit);
    access.member(caller, group);
    String scope = "messages:" + group;
    Optional<MessageId> before = cursor.map(c -> new MessageId(cursors.open(scope, c, 1).get(0)));
    List<Message> read = messages.history(group, before, limit + 1);
    return Paging.page(read, limit, cursors, scope, m -> List.of(m.id().value()));
  }

  @Override
  public Message edit(Principal caller, GroupId group, MessageId id, String text) {
    MessageText valid = text(text);
    Access member = access.member(caller, group);
    Message current = load(group, id);
    if (!current.authorId().equals(member.user())) {
      throw Problems.forbidden("Only its author may edit a message.");
    }
    if (current.deleted()) {
      throw Problems.conflict("A deleted message cannot be edited.");
    }
    Instant now = clock.instant();
    if (!current.editableAt(now)) {
      throw Problems.forbidden("A message can be edited only within 15 minutes of sending it.");
    }
    Message next = current.edit(valid, now);
    replace(next, current.version());
    changes.deliver(Kind.EDITED, next);
    return next;
  }

  @Override
  public void delete(Principal caller, GroupId group, MessageId id) {
    Access member = access.member(caller, group);
    Message current = load(group, id);
    if (!current.authorId().equals(member.user()) && !member.role().manages()) {
      throw Problems.forbidden("Only its author, the owner or an admin may delete a message.");
    }
    try {
      changes.remove(current);
    } catch (VersionConflictException e) {
      throw Problems.busy();
    }
  }

  @Override
  public ReadState markRead(Principal caller, GroupId group, MessageId id) {
    Membership current = access.member(caller, group).membership();
    load(group, id);
    if (current.lastRead().isPresent() && current.lastRead().get().compareTo(id) >= 0) {
      return new ReadState(current.lastRead().get(), unread.of(current));
    }
    Membership next = current.readUpTo(id);
    try {
      memberships.replace(next, current.version());
    } catch (VersionConflictException e) {
      throw Problems.busy();
    }
    return new ReadState(id, unread.of(next));
  }

  private Message load(GroupId group, MessageId id) {
    return messages
        .load(group, id)
        .orElseThrow(() -> Problems.notFound("There is no such message."));
  }

  private void replace(Message next, long expectedVersion) {
    try {
      messages.replace(next, expectedVersion);
    } catch (VersionConflictException e) {
      throw Problems.busy();
    }
  }

  private static MessageText text(String typed) {
    try {
      return MessageText.of(typed);
    } catch (MessageText.InvalidTextException e) {
      throw ProblemException.invalid("/text", e.getMessage());
    }
  }
}
