package app.stride.social.application.port.out;

import app.stride.social.domain.Message;
import java.util.Objects;

/**
 * Hands a chat change to the real-time channel once it is stored. The chat service calls it after
 * the store accepted the write and never lets its failure fail the request: members who miss a
 * delivery read the change from history. The WebSocket fan-out ({@code
 * adapter.out.delivery.WebSocketFanOut}) implements it; {@link #NONE} where no channel runs.
 */
public interface MessageDeliveryPort {
  /** Delivers nothing. */
  MessageDeliveryPort NONE = change -> {};

  /** Delivers {@code change} to the group's connected members. */
  void deliver(ChatChange change);

  /** What happened to a message. */
  enum Kind {
    SENT,
    EDITED,
    DELETED
  }

  /**
   * One stored change of a group's chat.
   *
   * @param kind what happened
   * @param message the message as stored after the change (a tombstone for {@link Kind#DELETED})
   */
  record ChatChange(Kind kind, Message message) {
    public ChatChange {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }
}
