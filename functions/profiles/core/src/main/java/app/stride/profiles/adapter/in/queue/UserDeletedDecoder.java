package app.stride.profiles.adapter.in.queue;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.UnreadableEventException;
import app.stride.events.user.v1.UserDeletedReader;
import app.stride.events.user.v1.UserErasure;
import app.stride.profiles.application.port.in.EraseUserDataCommand;
import app.stride.profiles.domain.UserId;

/**
 * Reads a queue message as an {@code app.stride.user.v1.deleted} event through the strict {@link
 * UserDeletedReader} (schema, subject and source checked) and turns it into the erasure it asks
 * for; a user id profiles could never have stored is refused too.
 */
public final class UserDeletedDecoder {
  private final UserDeletedReader reader = new UserDeletedReader();

  /**
   * The erasure the message asks for.
   *
   * @throws UnreadableEventException when the message is not a valid event of this type
   */
  public EraseUserDataCommand decode(QueueMessage message) {
    UserErasure<UserId> erasure = reader.readErasure(message.body(), UserId::new);
    return new EraseUserDataCommand(
        erasure.eventId(), erasure.userId(), RegionId.of(erasure.homeRegion()));
  }
}
