package app.stride.social.application.service;

import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.MessageDeliveryPort.ChatChange;
import app.stride.social.application.port.out.MessageDeliveryPort.Kind;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.domain.Message;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored chat changes and their hand-over to the real-time channel, shared by the chat service and
 * the account eraser: a message removed by its author, a moderator or the erasure of its author's
 * account becomes the same tombstone and reaches connected members the same way.
 */
final class ChatChanges {
  private static final Logger log = LoggerFactory.getLogger(ChatChanges.class);

  private final MessageStore messages;
  private final MessageDeliveryPort delivery;
  private final Clock clock;

  ChatChanges(MessageStore messages, MessageDeliveryPort delivery, Clock clock) {
    this.messages = messages;
    this.delivery = delivery;
    this.clock = clock;
  }

  /**
   * Replaces {@code current} by its tombstone (no text, {@code deleted} set) and delivers it; a
   * message deleted already is left as it is.
   *
   * @return whether this call removed it
   * @throws app.stride.core.store.VersionConflictException when the message changed since it was
   *     read (nothing changed)
   */
  boolean remove(Message current) {
    if (current.deleted()) {
      return false;
    }
    Message tombstone = current.tombstone(clock.instant());
    messages.replace(tombstone, current.version());
    deliver(Kind.DELETED, tombstone);
    return true;
  }

  /** Hands a stored change to the channel; a failure is logged, never thrown. */
  void deliver(Kind kind, Message message) {
    try {
      delivery.deliver(new ChatChange(kind, message));
    } catch (RuntimeException e) {
      log.warn(
          "group={} message={} not delivered in real time: {}",
          message.groupId(),
          message.id(),
          e.toString());
    }
  }
}
