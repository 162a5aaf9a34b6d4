package app.stride.social.application.port.out;

import app.stride.social.domain.GroupId;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;

/** The chat messages of the serving region's groups, one item each. */
public interface MessageStore {
  /**
   * Claims {@code clientMessageId} of {@code author} in {@code group} for the message {@code
   * proposed} (a conditional put of a small key item): the id of the message this client message
   * is, {@code proposed} when this call claimed it, else the one a first attempt claimed.
   */
  MessageId claim(GroupId group, UserId author, String clientMessageId, MessageId proposed);

  /** The message, tombstones included, or empty. */
  Optional<Message> load(GroupId group, MessageId id);

  /**
   * Stores a new message.
   *
   * @throws app.stride.core.store.VersionConflictException when one with its id exists
   */
  void create(Message message);

  /**
   * Replaces a message (edit, tombstone) if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is at another version
   */
  void replace(Message next, long expectedVersion);

  /** Messages newest first, strictly before {@code before}; at most {@code limit}. */
  List<Message> history(GroupId group, Optional<MessageId> before, int limit);

  /**
   * Messages oldest first, strictly after {@code after} (all when empty); at most {@code limit}.
   */
  List<Message> after(GroupId group, Optional<MessageId> after, int limit);

  /**
   * The messages {@code author} sent in any of this region's groups that are not deleted, in (group
   * id, message id) order, strictly after {@code after}; at most {@code limit}. Tombstones are left
   * out, so a finished erasure finds nothing more.
   */
  List<Message> liveBy(UserId author, Optional<Position> after, int limit);

  /**
   * A place in the order of {@link #liveBy}.
   *
   * @param group the group of the last message seen
   * @param message its id
   */
  record Position(GroupId group, MessageId message) {}
}
