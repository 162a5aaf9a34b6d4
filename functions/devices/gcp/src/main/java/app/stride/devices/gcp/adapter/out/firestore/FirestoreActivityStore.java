package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityOutboxPort.PendingEvent;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The activity store of one Firestore region ({@link ActivityDocument} for the layout). Every
 * method first asks the {@link ResidencyGuard} whether the user's home is this region.
 *
 * <p>The same single-document writes as the DynamoDB store, no transactions (DESIGN.md §4): a
 * provider record belongs to one activity through its claim document {@code
 * users/{userId}/activitySources/{provider}:{externalId}} ({@code /} and {@code %} in the id
 * percent-encoded), holding {@code activityId} and {@code claimedAt}. A create or an update that
 * adds sources first claims them ({@code create}, or a replace with {@code Precondition.updatedAt}
 * of a stale claim), then writes the activity ({@code create}, or a replace at the version and
 * update time read); a lost activity write releases the claims just written. A claim naming an
 * activity that does not list the source reads as absent and may be taken over once older than
 * {@link #CLAIM_GRACE}.
 *
 * <p>{@code startingBetween} ranges over {@code startKey} in the user's {@code activities}
 * (single-field index, automatic). The relay's collection-group query over {@code activities}
 * ordered by {@code outboxSince} needs a single-field index with collection-group scope (infra).
 */
public final class FirestoreActivityStore implements ActivityStore, ActivityOutboxPort {
  /** How long a claim naming an activity that lacks its source counts as a write in flight. */
  public static final Duration CLAIM_GRACE = Duration.ofMinutes(15);

  static final String SOURCES = "activitySources";
  private static final int MARK_ATTEMPTS = 3;

  private final Firestore firestore;
  private final ResidencyGuard guard;
  private final Clock clock;

  public FirestoreActivityStore(Firestore firestore, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Activity> find(UserId userId, ActivityId id, RegionId home) {
    guard.requireHome(home);
    return read(userId, id.value()).map(ActivityDocument::toDomain);
  }

  @Override
  public List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    guard.requireHome(home);
    if (!from.isBefore(to)) {
      return List.of();
    }
    Query query =
        activities(userId)
            .whereGreaterThanOrEqualTo(ActivityDocument.START_KEY, ActivityDocument.instant(from))
            .whereLessThan(ActivityDocument.START_KEY, ActivityDocument.instant(to))
            .orderBy(ActivityDocument.START_KEY, Query.Direction.DESCENDING)
            .limit(DEDUP_SCAN_LIMIT);
    return FirestoreCalls.await(query.get()).getDocuments().stream()
        .map(d -> ActivityDocument.toDomain(d.getData()))
        .toList();
  }

  @Override
  public Optional<Activity> findBySource(
      UserId userId, Provider provider, String externalId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot claim = FirestoreCalls.await(claim(userId, provider, externalId).get());
    if (!claim.exists()) {
      return Optional.empty();
    }
    return read(userId, claim.getString("activityId"))
        .filter(f -> ActivityDocument.hasSource(f, provider, externalId))
        .map(ActivityDocument::toDomain);
  }

  @Override
  public void create(Activity activity, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    Map<String, Map<String, Object>> outbox = new LinkedHashMap<>();
    outbox.put(pending.id(), ActivityDocument.entry(pending, clock.instant()));
    Map<String, Object> fields = ActivityDocument.fields(activity, outbox);
    List<Claimed> claimed = claimSources(activity, activity.sources());
    try {
      VersionedDocuments.create(document(activity.userId(), activity.id().value()), fields);
    } catch (VersionConflictException e) {
      release(claimed);
      throw new VersionConflictException("activity " + activity.id() + " exists", e);
    }
  }

  @Override
  public void update(Activity activity, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    VersionedDocument current =
        VersionedDocuments.read(document(activity.userId(), activity.id().value()))
            .orElseThrow(
                () -> new VersionConflictException("activity " + activity.id() + " is gone"));
    if (current.version() != activity.version() - 1) {
      throw new VersionConflictException(
          "activity " + activity.id() + " is at version " + current.version());
    }
    Activity stored = ActivityDocument.toDomain(current.data());
    List<ActivitySource> added =
        activity.sources().stream().filter(s -> !stored.hasSource(s)).toList();
    List<Claimed> claimed = claimSources(activity, added);
    Map<String, Map<String, Object>> outbox = ActivityDocument.outbox(current.data());
    outbox.put(pending.id(), ActivityDocument.entry(pending, clock.instant()));
    try {
      VersionedDocuments.replace(current, ActivityDocument.fields(activity, outbox));
    } catch (VersionConflictException e) {
      release(claimed);
      throw e;
    }
  }

  /**
   * Deletes the user's {@code activities} (their laps and pending events are fields of the
   * documents, so the relay finds none of them afterwards), then the source claims in {@code
   * activitySources}: a claim left by a call that failed in between names a missing activity and
   * goes stale, and the redelivery removes it. Only the two collections under the user's own
   * document are read; {@code users/{userId}} itself is not devices' alone (workouts live beside).
   */
  @Override
  public int eraseActivities(UserId userId, RegionId home) {
    guard.requireHome(home);
    int removed = CollectionEraser.eraseAll(firestore, activities(userId));
    CollectionEraser.eraseAll(firestore, user(userId).collection(SOURCES));
    return removed;
  }

  /**
   * Up to {@code limit} events still waiting in activity outboxes, oldest documents first (the
   * relay's input).
   */
  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    List<DocumentSnapshot> withPending =
        FirestoreCalls.await(
                firestore
                    .collectionGroup(ActivityDocument.COLLECTION)
                    .orderBy(ActivityDocument.OUTBOX_SINCE)
                    .limit(limit)
                    .get())
            .getDocuments()
            .stream()
            .map(DocumentSnapshot.class::cast)
            .toList();
    List<PendingEvent> events = new ArrayList<>();
    for (DocumentSnapshot snapshot : withPending) {
      Map<String, Object> fields = snapshot.getData();
      UserId owner = new UserId((String) fields.get("userId"));
      ActivityId id = new ActivityId((String) fields.get("activityId"));
      for (Map.Entry<String, Map<String, Object>> entry :
          ActivityDocument.oldestFirst(ActivityDocument.outbox(fields))) {
        if (events.size() == limit) {
          return events;
        }
        events.add(
            new PendingEvent(
                owner, id, ActivityDocument.toEvent(entry.getKey(), entry.getValue())));
      }
    }
    return events;
  }

  /** Removes a published event from its activity's outbox; nothing when it is not there. */
  @Override
  public void markPublished(UserId userId, ActivityId activityId, String eventId, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      Optional<VersionedDocument> current =
          VersionedDocuments.read(document(userId, activityId.value()));
      if (current.isEmpty()) {
        return;
      }
      Map<String, Object> fields = new LinkedHashMap<>(current.get().data());
      Map<String, Map<String, Object>> outbox = ActivityDocument.outbox(fields);
      if (outbox.remove(eventId) == null) {
        return;
      }
      ActivityDocument.withOutbox(fields, outbox);
      try {
        VersionedDocuments.replace(current.get(), fields);
        return;
      } catch (VersionConflictException e) {
        if (attempt >= MARK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A claim this call wrote: its document and the time it names (for a release). */
  private record Claimed(DocumentReference ref, String activityId, Timestamp claimedAt) {}

  private List<Claimed> claimSources(Activity activity, List<ActivitySource> sources) {
    List<Claimed> written = new ArrayList<>();
    try {
      for (ActivitySource source : sources) {
        if (source.externalId() != null) {
          claim(activity, source).ifPresent(written::add);
        }
      }
    } catch (VersionConflictException e) {
      release(written);
      throw e;
    }
    return written;
  }

  private Optional<Claimed> claim(Activity activity, ActivitySource source) {
    DocumentReference ref = claim(activity.userId(), source.provider(), source.externalId());
    Timestamp now = ActivityDocument.timestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("activityId", activity.id().value());
    fields.put("claimedAt", now);
    Optional<VersionedDocument> existing = VersionedDocuments.read(ref);
    if (existing.isEmpty()) {
      VersionedDocuments.create(ref, fields);
    } else {
      Map<String, Object> held = existing.get().data();
      if (activity.id().value().equals(held.get("activityId"))) {
        return Optional.empty();
      }
      if (!isStale(activity.userId(), held, source)) {
        throw new VersionConflictException(
            "a " + source.provider().wire() + " record is already an activity's source");
      }
      VersionedDocuments.replace(existing.get(), fields);
    }
    return Optional.of(new Claimed(ref, activity.id().value(), now));
  }

  private boolean isStale(UserId userId, Map<String, Object> held, ActivitySource source) {
    Instant claimedAt = ActivityDocument.instant((Timestamp) held.get("claimedAt"));
    if (claimedAt.plus(CLAIM_GRACE).isAfter(clock.instant())) {
      return false;
    }
    return read(userId, (String) held.get("activityId"))
        .filter(f -> ActivityDocument.hasSource(f, source.provider(), source.externalId()))
        .isEmpty();
  }

  /** Deletes claims this call wrote, unless someone took them over since; best effort. */
  private void release(List<Claimed> written) {
    for (Claimed claim : written) {
      try {
        Optional<VersionedDocument> current = VersionedDocuments.read(claim.ref());
        if (current.isPresent()
            && claim.activityId().equals(current.get().data().get("activityId"))
            && claim.claimedAt().equals(current.get().data().get("claimedAt"))) {
          VersionedDocuments.delete(current.get());
        }
      } catch (VersionConflictException | StoreUnavailableException e) {
        // Taken over, or unreachable: a claim whose activity lacks the source goes stale anyway.
      }
    }
  }

  private Optional<Map<String, Object>> read(UserId userId, String activityId) {
    DocumentSnapshot snapshot = FirestoreCalls.await(document(userId, activityId).get());
    return snapshot.exists() ? Optional.of(snapshot.getData()) : Optional.empty();
  }

  private CollectionReference activities(UserId userId) {
    return user(userId).collection(ActivityDocument.COLLECTION);
  }

  private DocumentReference document(UserId userId, String activityId) {
    return activities(userId).document(activityId);
  }

  private DocumentReference claim(UserId userId, Provider provider, String externalId) {
    return user(userId).collection(SOURCES).document(sourceId(provider, externalId));
  }

  private DocumentReference user(UserId userId) {
    return firestore.collection(ActivityDocument.USERS).document(userId.value());
  }

  /**
   * The claim's document id, {@code <provider>:<externalId>} with {@code %} and {@code /} (not
   * allowed in an id) percent-encoded; the provider prefix rules out the reserved ids {@code .},
   * {@code ..} and {@code __...__}.
   */
  static String sourceId(Provider provider, String externalId) {
    return provider.wire() + ":" + externalId.replace("%", "%25").replace("/", "%2F");
  }
}
