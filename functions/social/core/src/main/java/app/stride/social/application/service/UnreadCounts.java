package app.stride.social.application.service;

import app.stride.social.application.port.in.GroupChatUseCase;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;

/**
 * A member's unread count: the messages after their read marker that others sent and did not
 * delete, among the first {@value GroupChatUseCase#UNREAD_CAP} after it (one bounded read).
 */
final class UnreadCounts {
  private final MessageStore messages;

  UnreadCounts(MessageStore messages) {
    this.messages = messages;
  }

  int of(Membership membership) {
    return (int)
        messages
            .after(membership.groupId(), membership.lastRead(), GroupChatUseCase.UNREAD_CAP)
            .stream()
            .filter(m -> !m.deleted() && !m.authorId().equals(membership.userId()))
            .map(Message::id)
            .count();
  }
}
