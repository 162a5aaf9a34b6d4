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
 * sample stream is written to the bucket before the activity that points at it.
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
   * harmless.
   */
  public Outcome ingest(UserId user, RegionId home, ActivityData data, ActivitySource source) {
    return retrying(() -> once(user, home, data, source, false));
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
  public Outcome ingestUpdate(
      UserId user, RegionId home, ActivityData data, ActivitySource source) {
    return retrying(() -> once(user, home, data, source, true));
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
      UserId user, RegionId home, ActivityData data, ActivitySource source, boolean update) {
    if (source.externalId() != null) {
      Optional<Activity> known =
          store.findBySource(user, source.provider(), source.externalId(), home);
      if (known.isPresent()) {
        return update
            ? reapply(known.get(), data, source, home)
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
      if (richer) {
        objects.put(
            samplesKey(user, existing.id()),
            SampleStreams.encode(data.samples()),
            SampleStreams.CONTENT_TYPE);
      }
      Activity merged = existing.withSource(source, richer ? data : null, now);
      OutboundEvent event = events.merged(merged, source.provider());
      store.update(merged, event, home);
      publish(merged, event, home);
      return new Outcome(existing.id(), Kind.MERGED);
    }
    ActivityId id = ActivityId.next(now, random);
    if (!data.samples().isEmpty()) {
      objects.put(
          samplesKey(user, id), SampleStreams.encode(data.samples()), SampleStreams.CONTENT_TYPE);
    }
    Activity activity = Activity.imported(id, user, data, source, now);
    OutboundEvent event = events.imported(activity);
    store.create(activity, event, home);
    publish(activity, event, home);
    return new Outcome(id, Kind.CREATED);
  }

  /** Replaces {@code known}'s data with its data source's update, if that changed it. */
  private Outcome reapply(Activity known, ActivityData data, ActivitySource source, RegionId home) {
    if (!known.hasDataFrom(source)) {
      log.info(
          "activity={} update from provider={} not applied: its data comes from provider={}",
          known.id().value(),
          source.provider().wire(),
          known.dataSource().provider().wire());
      return new Outcome(known.id(), Kind.ALREADY_KNOWN);
    }
    Activity updated = known.withUpdatedData(data, clock.instant());
    if (updated.sameDataAs(known)) {
      return new Outcome(known.id(), Kind.ALREADY_KNOWN);
    }
    // Everything that can refuse the update is built before the first write.
    OutboundEvent event = events.updated(updated, source.provider());
    byte[] stream = data.samples().isEmpty() ? null : SampleStreams.encode(data.samples());
    if (stream != null) {
      objects.put(samplesKey(known.userId(), known.id()), stream, SampleStreams.CONTENT_TYPE);
    }
    store.update(updated, event, home);
    publish(updated, event, home);
    return new Outcome(known.id(), Kind.UPDATED);
  }

  /** Publishes right after the write; the relay publishes what fails here. */
  private void publish(Activity activity, OutboundEvent event, RegionId home) {
    try {
      publisher.publish(event);
      outbox.markPublished(activity.userId(), activity.id(), event.id(), home);
    } catch (RuntimeException e) {
      log.warn("event={} left in the outbox for the relay: {}", event.id(), e.toString());
    }
  }

  /** Where an activity's sample stream is kept in the region's bucket. */
  public static String samplesKey(UserId user, ActivityId id) {
    return "samples/" + user.value() + "/" + id.value();
  }
}
