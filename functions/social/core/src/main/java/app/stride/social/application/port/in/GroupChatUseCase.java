package app.stride.social.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.core.store.Page;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import java.util.Optional;

/**
 * A group's text chat, for its members only: a removed or banned user neither posts nor reads.
 * Every stored change is handed to {@link
 * app.stride.social.application.port.out.MessageDeliveryPort}.
 */
public interface GroupChatUseCase {
  /** Unread counts stop counting here. */
  int UNREAD_CAP = 100;

  /**
   * Posts a message; a retry with the same {@code clientMessageId} answers the first one.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} on {@code /text}
   *     when the trimmed text is empty or longer than 2,000 characters
   */
  Sent send(Principal caller, GroupId group, String text, String clientMessageId);

  /** One page of history, newest first. */
  Page<Message> history(Principal caller, GroupId group, int limit, Optional<String> cursor);

  /** Edits one's own message within 15 minutes of sending it. */
  Message edit(Principal caller, GroupId group, MessageId message, String text);

  /** Deletes a message (its author, the owner or an admin), leaving a tombstone. */
  void delete(Principal caller, GroupId group, MessageId message);

  /** Moves the caller's read marker forward to {@code message}; answers the unread count. */
  ReadState markRead(Principal caller, GroupId group, MessageId message);

  /**
   * A posted message.
   *
   * @param message the stored message
   * @param created false when this was a retry of an earlier post
   */
  record Sent(Message message, boolean created) {}

  /**
   * A member's read state.
   *
   * @param lastRead the read marker
   * @param unreadCount messages after it, counted up to {@link #UNREAD_CAP}
   */
  record ReadState(MessageId lastRead, int unreadCount) {}
}
