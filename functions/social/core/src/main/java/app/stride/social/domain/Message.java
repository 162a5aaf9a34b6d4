package app.stride.social.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A text message of a group's chat. A deleted message stays as a tombstone: no text, {@code
 * deleted} set, so history pages and read markers keep their places.
 *
 * @param groupId the group
 * @param id the id, in sending order
 * @param authorId who sent it
 * @param text the text, empty once deleted
 * @param sentAt when it was sent
 * @param editedAt when it was last edited, or empty
 * @param deleted whether it was deleted
 * @param clientMessageId the sender's idempotency key
 * @param version optimistic version, 1 on creation
 */
public record Message(
    GroupId groupId,
    MessageId id,
    UserId authorId,
    Optional<String> text,
    Instant sentAt,
    Optional<Instant> editedAt,
    boolean deleted,
    String clientMessageId,
    long version) {
  /** How long after sending its author may edit a message. */
  public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

  public Message {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(authorId, "authorId");
    text = text == null ? Optional.empty() : text;
    Objects.requireNonNull(sentAt, "sentAt");
    editedAt = editedAt == null ? Optional.empty() : editedAt;
    Objects.requireNonNull(clientMessageId, "clientMessageId");
  }

  /** A new message. */
  public static Message send(
      GroupId groupId,
      MessageId id,
      UserId author,
      MessageText text,
      Instant at,
      String clientMessageId) {
    return new Message(
        groupId,
        id,
        author,
        Optional.of(text.value()),
        at,
        Optional.empty(),
        false,
        clientMessageId,
        1);
  }

  /** Whether its author may still edit it at {@code now}. */
  public boolean editableAt(Instant now) {
    return !now.isAfter(sentAt.plus(EDIT_WINDOW));
  }

  /** This message with new text. */
  public Message edit(MessageText newText, Instant at) {
    return new Message(
        groupId,
        id,
        authorId,
        Optional.of(newText.value()),
        sentAt,
        Optional.of(at),
        false,
        clientMessageId,
        version + 1);
  }

  /** The tombstone of this message. */
  public Message tombstone(Instant at) {
    return new Message(
        groupId,
        id,
        authorId,
        Optional.empty(),
        sentAt,
        editedAt,
        true,
        clientMessageId,
        version + 1);
  }
}
