package app.stride.devices.application.service;

import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityEvents;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Deduplication;
import app.stride.devices.domain.StreamId;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one decoded activity from one source into a stored activity: the same source again is a
 * no-op; the same workout already imported from another source gains this source (and this
 * recording's data when it is richer, i.e. has more samples); anything else is a new activity. The
 * sample stream is written to the bucket before the activity that points at it, each write to an
 * object of its own ({@link SampleStreams#key(Activity)}): two writers of the same activity never
 * share an object, so the stream the stored activity points at is always the one its summary and
 * sample count describe. The loser of an optimistic race deletes the stream it wrote; the winner
 * deletes the stream it replaced.
 *
 * <p>A provider's update of a recording already stored ({@link #ingestUpdate}) replaces the data
 * only when the activity's data is that recording ({@link Activity#hasDataFrom}) and it changed; an
 * update from another of the activity's sources changes nothing, since the data shown is not the
 * one the provider edited.
 */
public final class ActivityIngest {
  private static final Logger log = LoggerFactory.getLogger(ActivityIngest.class);
  private static final int MAX_ATTEMPTS = 3;

  private final ActivityStore store;
  private final ObjectStore objects;
  private final ActivityEvents events;
  private final ActivityOutboxPort outbox;
  private final EventPublisher publisher;
  private final Clock clock;
  private final RandomGenerator random;

  public ActivityIngest(
      ActivityStore store,
      ObjectStore objects,
      ActivityEvents events,
      ActivityOutboxPort outbox,
      EventPublisher publisher,
      Clock clock,
      RandomGenerator random) {
    this.store = store;
    this.objects = objects;
    this.events = events;
    this.outbox = outbox;
    this.publisher = publisher;
    this.clock = clock;
    this.random = random;
  }

  /** What an ingest did. */
  public enum Kind {
    /** A new activity. */
    CREATED,
    /** The source was added to an existing activity of the same workout. */
    MERGED,
    /** The source was already recorded: nothing changed. */
    ALREADY_KNOWN,
    /** The activity's data source sent changed data, which replaced the stored data. */
    UPDATED
  }

  /** The activity the data ended up in, and how. */
  public record Outcome(ActivityId activityId, Kind kind) {}

  /**
   * Stores {@code data} from {@code source} for {@code user}, a recording the source announced as
   * new: when the source is already known nothing changes, so a redelivered announcement is
   * harmless. The event the write stored goes to {@code later}, to be published once the write has
   * been checked ({@link ErasedGuard}); unpublished, it waits in the outbox for the relay.
   */
  Outcome ingest(
      UserId user, RegionId home, ActivityData data, ActivitySource source, HeldEvents later) {
    return retrying(() -> once(user, home, data, source, false, later));
  }

  /**
   * Stores {@code data}, the source's updated recording (a sport corrected, a recording trimmed).
   * For a known source: when the activity's data comes from this source and differs from {@code
   * data} (summary or sample count), the data is replaced, with the sample stream when {@code data}
   * has samples (see {@link Activity#withUpdatedData} when it has none), and {@code updated} is
   * emitted ({@link Kind#UPDATED}); otherwise nothing changes ({@link Kind#ALREADY_KNOWN}). An
   * unknown source is stored as {@link #ingest} does (the provider may announce a recording we
   * never received as an update).
   */
  Outcome ingestUpdate(
      UserId user, RegionId home, ActivityData data, ActivitySource source, HeldEvents later) {
    return retrying(() -> once(user, home, data, source, true, later));
  }

  private Outcome retrying(Supplier<Outcome> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (VersionConflictException e) {
        // A concurrent import of the same workout changed the activity: read again.
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Outcome once(
      UserId user,
      RegionId home,
      ActivityData data,
      ActivitySource source,
      boolean update,
      HeldEvents later) {
    if (source.externalId() != null) {
      Optional<Activity> known =
          store.findBySource(user, source.provider(), source.externalId(), home);
      if (known.isPresent()) {
        return update
            ? reapply(known.get(), data, source, home, later)
            : new Outcome(known.get().id(), Kind.ALREADY_KNOWN);
      }
    }
    Instant now = clock.instant();
    Optional<Activity> same =
        store
            .startingBetween(
                user, data.startTime().minus(Deduplication.SEARCH_BEFORE), data.endTime(), home)
            .stream()
            .filter(a -> Deduplication.sameWorkout(a.data(), data))
            .findFirst();
    if (same.isPresent()) {
      Activity existing = same.get();
      boolean richer = data.samples().size() > existing.sampleCount();
      StreamId stream = richer ? StreamId.next(now, random) : null;
      Activity merged = existing.withSource(source, richer ? data : null, stream, now);
      OutboundEvent event = events.merged(merged, source.provider());
      if (richer) {
        putStream(merged, data);
      }
      replace(existing, merged, event, home);
      later.hold(() -> publish(merged, event, home));
      return new Outcome(existing.id(), Kind.MERGED);
    }
    ActivityId id = ActivityId.next(now, random);
    StreamId stream = data.samples().isEmpty() ? null : StreamId.next(now, random);
    Activity activity = Activity.imported(id, user, data, source, stream, now);
    OutboundEvent event = events.imported(activity);
    if (stream != null) {
      putStream(activity, data);
    }
    try {
      store.create(activity, event, home);
    } catch (VersionConflictException e) {
      discardUnstored(activity);
      throw e;
    }
    later.hold(() -> publish(activity, event, home));
    return new Outcome(id, Kind.CREATED);
  }

  /** Replaces {@code known}'s data with its data source's update, if that changed it. */
  private Outcome reapply(
      Activity known, ActivityData data, ActivitySource source, RegionId home, HeldEvents later) {
    if (!known.hasDataFrom(source)) {
      log.info(
          "activity={} update from provider={} not applied: its data comes from provider={}",
          known.id().value(),
          source.provider().wire(),
          known.dataSource().provider().wire());
      return new Outcome(known.id(), Kind.ALREADY_KNOWN);
    }
    Instant now = clock.instant();
    StreamId stream = data.samples().isEmpty() ? null : StreamId.next(now, random);
    Activity updated = known.withUpdatedData(data, stream, now);
    if (updated.sameDataAs(known)) {
      return new Outcome(known.id(), Kind.ALREADY_KNOWN);
    }
    // Everything that can refuse the update is built before the first write.
    OutboundEvent event = events.updated(updated, source.provider());
    if (stream != null) {
      putStream(updated, data);
    }
    replace(known, updated, event, home);
    later.hold(() -> publish(updated, event, home));
    return new Outcome(known.id(), Kind.UPDATED);
  }

  /** Publishes a stored event once it is released; the relay publishes what fails here. */
  private void publish(Activity activity, OutboundEvent event, RegionId home) {
    try {
      publisher.publish(event);
      outbox.markPublished(activity.userId(), activity.id(), event.id(), home);
    } catch (RuntimeException e) {
      log.warn("event={} left in the outbox for the relay: {}", event.id(), e.toString());
    }
  }

  /** Writes {@code data}'s samples to the object of {@code activity}'s (new) stream. */
  private void putStream(Activity activity, ActivityData data) {
    objects.put(
        SampleStreams.key(activity).orElseThrow(),
        SampleStreams.encode(data.samples()),
        SampleStreams.CONTENT_TYPE);
  }

  /**
   * Stores {@code after} over {@code before}. When that loses the optimistic race, the stream this
   * attempt wrote is deleted before the conflict goes on to the retry, which writes another; when
   * it wins, the stream {@code before} showed is deleted if {@code after} no longer shows it. Both
   * deletions are best effort (see {@link #deleteQuietly}). Any other failure of the write deletes
   * nothing: the write may have happened, and either stream may be the one the activity shows.
   */
  private void replace(Activity before, Activity after, OutboundEvent event, RegionId home) {
    Optional<String> previous = SampleStreams.key(before);
    Optional<String> current = SampleStreams.key(after);
    try {
      store.update(after, event, home);
    } catch (VersionConflictException e) {
      if (current.isPresent() && !current.equals(previous)) {
        deleteQuietly(current.get(), after, "its write lost to a concurrent one");
      }
      throw e;
    }
    if (previous.isPresent() && !previous.equals(current)) {
      deleteQuietly(previous.get(), after, "it was replaced");
    }
  }

  /** Deletes the stream {@code activity} was written with, which the store refused. */
  private void discardUnstored(Activity activity) {
    SampleStreams.key(activity)
        .ifPresent(key -> deleteQuietly(key, activity, "the store refused the activity"));
  }

  /**
   * Deletes the stream object {@code key}, logging a failure instead of throwing: the activity's
   * write has been decided and must not fail for it. An object left behind is harmless to readers,
   * who only follow the key the stored activity records, and never overwritten, since every write
   * has a key of its own; it costs its storage until something removes it. The buckets' lifecycle
   * does not: it tiers {@code originals/} and expires noncurrent versions (the buckets are
   * versioned, so a deleted stream's data is gone 30 days later, infra's {@code
   * CapabilityBucket.NONCURRENT_DAYS}), but keeps current objects under {@code samples/}. A left
   * object stays under its activity's {@code samples/<userId>/<activityId>} prefix, where a sweep
   * or a deletion of the user's streams finds it.
   */
  private void deleteQuietly(String key, Activity activity, String why) {
    try {
      objects.delete(key);
    } catch (RuntimeException e) {
      log.warn(
          "activity={} stream object {} left behind ({}): delete failed: {}",
          activity.id().value(),
          key,
          why,
          e.toString());
    }
  }
}
