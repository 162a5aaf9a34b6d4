package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases what devices holds about a deleted account ({@code app.stride.user.v1.deleted}) in the
 * user's home region: their provider connections, imports, activities with their laps, and every
 * object of theirs in the bucket (raw originals under {@code originals/<userId>/}, sample streams,
 * the GPS tracks, under {@code samples/<userId>/}).
 *
 * <p>Before anything is removed the account is marked erased ({@link ErasedAccounts}, kept {@link
 * ErasedAccounts#KEPT}): from then on every write of the user's devices data is refused, so an
 * upload with a token issued before the deletion, a queued fetch or upload, or a connection
 * completed late does not land after its data was erased. A failed mark fails the call like any
 * other step.
 *
 * <p>Connections go first, through the same path as a user's own disconnect: each provider is asked
 * to take back its grant (the revocation is queued with the sealed tokens for the worker), and
 * notifications for the account are ignored from then on, so no new data arrives while the rest is
 * erased. Then the stores, then the bucket. Every step is idempotent and a failed step fails the
 * call, so the queue redelivers the event and the erasure resumes where it stopped; erasing twice
 * changes nothing.
 *
 * <p>A user homed elsewhere is skipped with a log line and nothing is read: their data is not here.
 * A write whose first check passed just before the mark checks again after it wrote and then sweeps
 * what it wrote ({@link #sweep}; see {@link ErasedGuard}).
 */
public final class UserDataEraser {
  private static final Logger log = LoggerFactory.getLogger(UserDataEraser.class);

  /** What an erasure found and removed. */
  public enum Status {
    /** The user's data was here and is gone. */
    ERASED,
    /** Nothing of the user's was held (never connected, or erased before). */
    NOTHING_HELD,
    /** The user is homed in another region; nothing was read. */
    NOT_THIS_REGION
  }

  /**
   * The outcome of one erasure.
   *
   * @param status what the erasure came to
   * @param connections connections removed (each grant revoked where the provider allows it)
   * @param imports imports removed
   * @param activities activities removed
   * @param objects bucket objects removed (originals and sample streams)
   */
  public record Erasure(Status status, int connections, int imports, int activities, int objects) {
    static Erasure of(int connections, int imports, int activities, int objects) {
      boolean any = connections + imports + activities + objects > 0;
      return new Erasure(
          any ? Status.ERASED : Status.NOTHING_HELD, connections, imports, activities, objects);
    }
  }

  private final ConnectionService connections;
  private final ActivityStore activities;
  private final ImportJobStore imports;
  private final ObjectStore objects;
  private final ErasedAccounts erased;
  private final RegionId servingRegion;
  private final Clock clock;

  public UserDataEraser(
      ConnectionService connections,
      ActivityStore activities,
      ImportJobStore imports,
      ObjectStore objects,
      ErasedAccounts erased,
      RegionId servingRegion,
      Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.imports = Objects.requireNonNull(imports, "imports");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.erased = Objects.requireNonNull(erased, "erased");
    this.servingRegion = Objects.requireNonNull(servingRegion, "servingRegion");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The checks around a write of a user's devices data in this region: refused or dropped for an
   * erased account, and swept again ({@link #sweep}) when the erasure ran while it wrote.
   */
  ErasedGuard guard() {
    return new ErasedGuard(erased, servingRegion, this::sweep);
  }

  /**
   * Erases the data of {@code userId}, homed in {@code home}, as event {@code eventId} asks.
   *
   * @throws app.stride.core.store.StoreUnavailableException when a store, the queue or the bucket
   *     cannot be reached: what was erased stays erased, the rest is for the redelivery
   */
  public Erasure erase(String eventId, UserId userId, RegionId home) {
    if (!servingRegion.equals(home)) {
      log.info(
          "event={} homeRegion={} servingRegion={} skipped: the user's data lives in their home"
              + " region",
          eventId,
          home,
          servingRegion);
      return new Erasure(Status.NOT_THIS_REGION, 0, 0, 0, 0);
    }
    Instant now = clock.instant();
    erased.markErased(userId, now, now.plus(ErasedAccounts.KEPT), servingRegion);
    Erasure erasure = sweep(userId);
    log.info(
        "event={} region={} erasure={} connections={} imports={} activities={} objects={}",
        eventId,
        servingRegion,
        erasure.status(),
        erasure.connections(),
        erasure.imports(),
        erasure.activities(),
        erasure.objects());
    return erasure;
  }

  /**
   * Removes what {@code userId} holds in this region, for an account already marked erased: the
   * erasure's steps after its mark. A write that finds the account erased after it wrote calls this
   * too, for what it stored while the erasure ran ({@link ErasedGuard}).
   *
   * @throws app.stride.core.store.StoreUnavailableException when a store, the queue or the bucket
   *     cannot be reached
   */
  public Erasure sweep(UserId userId) {
    int disconnected = connections.disconnectAll(userId, servingRegion);
    int removedImports = imports.eraseImports(userId, servingRegion);
    int removedActivities = activities.eraseActivities(userId, servingRegion);
    int removedObjects =
        objects.deleteUnder(ImportService.originalsFolder(userId))
            + objects.deleteUnder(SampleStreams.userFolder(userId));
    return Erasure.of(disconnected, removedImports, removedActivities, removedObjects);
  }
}
