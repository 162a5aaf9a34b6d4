package app.stride.profiles.adapter.in.queue;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import app.stride.profiles.application.port.in.EraseUserDataUseCase;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The data eraser's queue function: each {@code app.stride.user.v1.deleted} message of a batch is
 * decoded and erased on its own. A message that cannot be read, or whose erasure failed (store
 * down, lost races), is named in the {@link BatchResult}, so only it is redelivered and, after the
 * queue's maximum attempts, dead-lettered.
 */
public final class UserEraserQueueFunction implements Function<List<QueueMessage>, BatchResult> {
  private final UserDeletedDecoder decoder;
  private final EraseUserDataUseCase eraser;

  public UserEraserQueueFunction(UserDeletedDecoder decoder, EraseUserDataUseCase eraser) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.eraser = Objects.requireNonNull(eraser, "eraser");
  }

  @Override
  public BatchResult apply(List<QueueMessage> batch) {
    return QueueBatches.each(batch, message -> eraser.erase(decoder.decode(message)));
  }
}
