package app.stride.events.user.v1;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The queue function of a capability's data eraser: each {@code app.stride.user.v1.deleted} message
 * of a batch is read strictly ({@link UserDeletedReader}: schema, subject and source; a user id the
 * capability could never have stored is refused) and erased on its own. A message that cannot be
 * read, or whose erasure threw (a store down, a lost race), is named in the {@link BatchResult}, so
 * only it is redelivered and, after the queue's maximum attempts, dead-lettered; none is dropped.
 *
 * <pre>{@code
 * Function<List<QueueMessage>, BatchResult> eraser =
 *     new UserEraserQueueFunction<>(UserId::new, new UserDataEraser(store, region)::erase);
 * }</pre>
 *
 * @param <U> the capability's user id type
 */
public final class UserEraserQueueFunction<U> implements Function<List<QueueMessage>, BatchResult> {

  /**
   * A capability's erasure of one deleted user; idempotent, as delivery is at least once.
   *
   * @param <U> the capability's user id type
   */
  @FunctionalInterface
  public interface Eraser<U> {
    /**
     * Erases {@code userId}'s data held here, if {@code homeRegion} is this region's.
     *
     * @param eventId the event's id, for the log
     */
    void erase(String eventId, U userId, RegionId homeRegion);
  }

  private final UserDeletedReader reader = new UserDeletedReader();
  private final Function<String, U> userIds;
  private final Eraser<U> eraser;

  /**
   * @param userIds the capability's user id from the event's; refuses (throws) an id it could never
   *     have stored
   * @param eraser the capability's erasure
   */
  public UserEraserQueueFunction(Function<String, U> userIds, Eraser<U> eraser) {
    this.userIds = Objects.requireNonNull(userIds, "userIds");
    this.eraser = Objects.requireNonNull(eraser, "eraser");
  }

  @Override
  public BatchResult apply(List<QueueMessage> batch) {
    return QueueBatches.each(batch, this::erase);
  }

  private void erase(QueueMessage message) {
    UserErasure<U> erasure = reader.readErasure(message.body(), userIds);
    eraser.erase(erasure.eventId(), erasure.userId(), RegionId.of(erasure.homeRegion()));
  }
}
