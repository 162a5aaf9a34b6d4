package app.stride.workouts.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.gcp.firestore.CursorCodec;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.FirestorePages;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.WorkoutStore;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workout store of one Firestore region ({@link WorkoutDocument} for the layout). Every method
 * first asks the {@link ResidencyGuard} whether the user's home is this region.
 *
 * <p>Writes follow DESIGN.md §4 without transactions: a create is {@code DocumentReference.create}
 * (fails if the id exists); a replace, delete or outbox change reads the document, checks the
 * version and writes with {@code Precondition.updatedAt} ({@link VersionedDocuments}). History and
 * overlap queries order by {@code startKey} descending ({@link FirestorePages} for signed keyset
 * cursors); a sport filter needs the composite index ({@code sport} ASC, {@code startKey} DESC) on
 * the {@code workouts} collection, and the relay's collection-group query a single-field index on
 * {@code outboxSince} with collection-group scope (infra declares both).
 *
 * <p>Idempotency claims are documents {@code users/{userId}/workoutIdempotency/{key}}. Erasing a
 * deleted user ({@link #eraseAll}) empties these two collections of theirs and nothing else.
 */
public final class FirestoreWorkoutStore implements WorkoutStore, AutoCloseable {
  static final String CLAIMS = "workoutIdempotency";

  private static final Logger log = LoggerFactory.getLogger(FirestoreWorkoutStore.class);
  private static final int MARK_ATTEMPTS = 3;

  private final Firestore firestore;
  private final FirestorePages pages;
  private final ResidencyGuard guard;
  private final Clock clock;

  public FirestoreWorkoutStore(
      Firestore firestore, CursorCodec cursors, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.pages = new FirestorePages(cursors);
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Workout> load(UserId userId, WorkoutId workoutId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot = FirestoreCalls.await(document(userId, workoutId).get());
    if (!snapshot.exists() || WorkoutDocument.isMarker(snapshot.getData())) {
      return Optional.empty();
    }
    return Optional.of(WorkoutDocument.toDomain(snapshot.getData()));
  }

  @Override
  public List<Workout> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    guard.requireHome(home);
    Query query =
        workouts(userId)
            .whereGreaterThanOrEqualTo(WorkoutDocument.START_KEY, from.toString())
            .whereLessThan(WorkoutDocument.START_KEY, to.toString())
            .orderBy(WorkoutDocument.START_KEY, Query.Direction.DESCENDING)
            .limit(OVERLAP_SCAN_LIMIT);
    return FirestoreCalls.await(query.get()).getDocuments().stream()
        .map(d -> WorkoutDocument.toDomain(d.getData()))
        .toList();
  }

  @Override
  public Page<Workout> history(UserId userId, HistoryQuery query, RegionId home) {
    guard.requireHome(home);
    Query filtered = workouts(userId);
    if (query.sport().isPresent()) {
      filtered = filtered.whereEqualTo(WorkoutDocument.SPORT, query.sport().get().wire());
    }
    if (query.from().isPresent()) {
      filtered =
          filtered.whereGreaterThanOrEqualTo(
              WorkoutDocument.START_KEY, query.from().get().toString());
    }
    if (query.to().isPresent()) {
      filtered = filtered.whereLessThan(WorkoutDocument.START_KEY, query.to().get().toString());
    }
    return pages.page(
        filtered,
        List.of(FirestorePages.SortKey.desc(WorkoutDocument.START_KEY)),
        query.limit(),
        query.cursor(),
        "workouts:" + userId.value() + "|" + query.filterScope(),
        snapshot -> WorkoutDocument.toDomain(snapshot.getData()));
  }

  @Override
  public void create(Workout workout, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    Map<String, Map<String, Object>> outbox = new LinkedHashMap<>();
    outbox.put(pending.id(), WorkoutDocument.entry(pending, clock.instant()));
    VersionedDocuments.create(
        document(workout.userId(), workout.id()), WorkoutDocument.fields(workout, outbox));
  }

  @Override
  public void replace(Workout workout, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    VersionedDocument current = requireLive(workout.userId(), workout.id(), expectedVersion);
    Map<String, Map<String, Object>> outbox = WorkoutDocument.outbox(current.data());
    outbox.put(pending.id(), WorkoutDocument.entry(pending, clock.instant()));
    VersionedDocuments.replace(current, WorkoutDocument.fields(workout, outbox));
  }

  @Override
  public void delete(
      UserId userId,
      WorkoutId workoutId,
      long expectedVersion,
      OutboundEvent pending,
      RegionId home) {
    guard.requireHome(home);
    VersionedDocument current = requireLive(userId, workoutId, expectedVersion);
    Map<String, Map<String, Object>> outbox = WorkoutDocument.outbox(current.data());
    outbox.put(pending.id(), WorkoutDocument.entry(pending, clock.instant()));
    VersionedDocuments.replace(
        current,
        WorkoutDocument.marker(userId.value(), workoutId.value(), expectedVersion, outbox));
  }

  @Override
  public void markPublished(UserId userId, WorkoutId workoutId, String eventId, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; attempt <= MARK_ATTEMPTS; attempt++) {
      Optional<VersionedDocument> current = VersionedDocuments.read(document(userId, workoutId));
      if (current.isEmpty()) {
        return;
      }
      Map<String, Object> fields = new LinkedHashMap<>(current.get().data());
      Map<String, Map<String, Object>> outbox = WorkoutDocument.outbox(fields);
      if (outbox.remove(eventId) == null) {
        return;
      }
      try {
        if (WorkoutDocument.isMarker(fields) && outbox.isEmpty()) {
          VersionedDocuments.delete(current.get());
        } else {
          fields.remove(WorkoutDocument.OUTBOX);
          fields.remove(WorkoutDocument.OUTBOX_SINCE);
          if (!outbox.isEmpty()) {
            fields.put(WorkoutDocument.OUTBOX, outbox);
            fields.put(
                WorkoutDocument.OUTBOX_SINCE,
                WorkoutDocument.oldestFirst(outbox).get(0).getValue().get("at"));
          }
          VersionedDocuments.replace(current.get(), fields);
        }
        return;
      } catch (VersionConflictException e) {
        log.debug("workout={} event={} changed while marking published", workoutId, eventId);
      }
    }
    log.warn("event={} stays in the outbox after {} contended attempts", eventId, MARK_ATTEMPTS);
  }

  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    List<DocumentSnapshot> withPending =
        new ArrayList<>(
            FirestoreCalls.await(
                    firestore
                        .collectionGroup(WorkoutDocument.COLLECTION)
                        .orderBy(WorkoutDocument.OUTBOX_SINCE)
                        .limit(limit)
                        .get())
                .getDocuments());
    List<PendingEvent> events = new ArrayList<>();
    for (DocumentSnapshot snapshot : withPending) {
      Map<String, Object> fields = snapshot.getData();
      UserId owner = new UserId((String) fields.get("userId"));
      WorkoutId id = new WorkoutId((String) fields.get("workoutId"));
      for (Map.Entry<String, Map<String, Object>> entry :
          WorkoutDocument.oldestFirst(WorkoutDocument.outbox(fields))) {
        if (events.size() == limit) {
          return events;
        }
        events.add(
            new PendingEvent(owner, id, WorkoutDocument.toEvent(entry.getKey(), entry.getValue())));
      }
    }
    return events;
  }

  @Override
  public Optional<Claim> claim(UserId userId, Claim claim, RegionId home) {
    guard.requireHome(home);
    DocumentReference ref = claims(userId).document(claim.key());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("fingerprint", claim.fingerprint());
    fields.put("workoutId", claim.workoutId().value());
    fields.put(
        "expiresAt",
        Timestamp.ofTimeSecondsAndNanos(
            claim.expiresAt().getEpochSecond(), claim.expiresAt().getNano()));
    Optional<VersionedDocument> existing = VersionedDocuments.read(ref);
    if (existing.isEmpty()) {
      VersionedDocuments.create(ref, fields);
      return Optional.empty();
    }
    Map<String, Object> stored = existing.get().data();
    Instant expiresAt = ((Timestamp) stored.get("expiresAt")).toDate().toInstant();
    if (!expiresAt.isAfter(clock.instant())) {
      VersionedDocuments.replace(existing.get(), fields);
      return Optional.empty();
    }
    return Optional.of(
        new Claim(
            claim.key(),
            (String) stored.get("fingerprint"),
            new WorkoutId((String) stored.get("workoutId")),
            expiresAt));
  }

  /**
   * Deletes the user's {@code workouts} (delete markers included) and {@code workoutIdempotency}
   * collections by pages of batched deletes ({@link CollectionEraser}); pending events in the
   * deleted documents go with them, unpublished. Nothing else under {@code users/{userId}} is
   * touched: other capabilities keep their own collections there and erase them themselves.
   */
  @Override
  public int eraseAll(UserId userId, RegionId home) {
    return new FirestoreWorkoutEraser(firestore, guard.servingRegion()).eraseAll(userId, home);
  }

  /** Closes the Firestore client. */
  @Override
  public void close() throws Exception {
    firestore.close();
  }

  private VersionedDocument requireLive(UserId userId, WorkoutId workoutId, long expectedVersion) {
    VersionedDocument current =
        VersionedDocuments.read(document(userId, workoutId))
            .orElseThrow(() -> new VersionConflictException("workout " + workoutId + " is gone"));
    if (WorkoutDocument.isMarker(current.data()) || current.version() != expectedVersion) {
      throw new VersionConflictException(
          "workout " + workoutId + " is not at version " + expectedVersion);
    }
    return current;
  }

  private CollectionReference workouts(UserId userId) {
    return firestore
        .collection(WorkoutDocument.USERS)
        .document(userId.value())
        .collection(WorkoutDocument.COLLECTION);
  }

  private CollectionReference claims(UserId userId) {
    return firestore.collection(WorkoutDocument.USERS).document(userId.value()).collection(CLAIMS);
  }

  private DocumentReference document(UserId userId, WorkoutId workoutId) {
    return workouts(userId).document(workoutId.value());
  }
}
