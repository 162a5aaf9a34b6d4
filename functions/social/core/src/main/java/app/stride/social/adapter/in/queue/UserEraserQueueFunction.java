package app.stride.social.adapter.in.queue;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.user.v1.UserDeletedReader;
import app.stride.events.user.v1.UserErasure;
import app.stride.social.application.port.in.EraseUserDataUseCase;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The social data eraser's queue function: each {@code app.stride.user.v1.deleted} message of a
 * batch is read strictly ({@link UserDeletedReader}: schema, subject and source; a user id social
 * could never have stored is refused) and erased on its own. A message that cannot be read, or
 * whose erasure failed, is named in the {@link BatchResult}, so only it is redelivered and, after
 * the queue's maximum attempts, dead-lettered; none is dropped.
 */
public final class UserEraserQueueFunction implements Function<List<QueueMessage>, BatchResult> {
  private final UserDeletedReader reader = new UserDeletedReader();
  private final EraseUserDataUseCase eraser;

  public UserEraserQueueFunction(EraseUserDataUseCase eraser) {
    this.eraser = Objects.requireNonNull(eraser, "eraser");
  }

  @Override
  public BatchResult apply(List<QueueMessage> batch) {
    return QueueBatches.each(batch, this::erase);
  }

  private void erase(QueueMessage message) {
    UserErasure<UserId> erasure = reader.readErasure(message.body(), UserId::new);
    eraser.erase(erasure.eventId(), erasure.userId(), RegionId.of(erasure.homeRegion()));
  }
}
