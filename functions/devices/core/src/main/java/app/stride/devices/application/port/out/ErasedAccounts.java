package app.stride.devices.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.devices.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The accounts erased in this region, remembered for a while: the eraser marks a deleted account
 * before it removes anything, and every write of a user's devices data asks first, so a write that
 * arrives after the erasure (an upload with an access token issued before the deletion, a queued
 * fetch or upload, an OAuth connection completed late) is refused instead of leaving data nobody
 * will erase. A marker holds only the user id, when the account was erased and when the marker
 * expires (the store's TTL: DynamoDB item {@code sk = ERASED} in the user's partition of the
 * devices table; Firestore {@code erasedAccounts/{userId}}). The markers of the last hour are also
 * listed by time, for the follow-up sweep ({@code ErasureSweep}).
 */
public interface ErasedAccounts {
  /**
   * How long a marker is kept: longer than every source of a late write can wait. A work queue
   * message (a queued upload or provider notification) is kept at most 14 days on either cloud
   * (infra's {@code Capability.WorkQueue.RETENTION_DAYS}), an access token lives 15 minutes; 15
   * days outlives them all with a day to spare. After that the account's id is forgotten too.
   */
  Duration KEPT = Duration.ofDays(15);

  /**
   * Marks {@code userId} erased at {@code erasedAt}, the marker expiring at {@code expiresAt}.
   * Marking again rewrites the marker (a redelivered erasure), so it is idempotent.
   *
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home);

  /**
   * Whether {@code userId} was erased in this region and the marker has not expired (a marker past
   * its {@code expiresAt} counts as absent, as the stores remove expired items only eventually).
   * Another user's marker never answers for this one: the read is by the user's own key.
   *
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  boolean isErased(UserId userId, RegionId home);

  /**
   * The accounts marked erased in this region at or after {@code since} whose markers have not
   * expired, newest first, at most {@code limit}: what the follow-up sweep goes over. The list may
   * miss a marker written a moment ago (DynamoDB's index is eventually consistent); the sweep runs
   * again and finds it then.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  List<UserId> erasedSince(Instant since, int limit);
}
