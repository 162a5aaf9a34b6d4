package app.stride.profiles.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile store of one Firestore region. Every method first asks the {@link ResidencyGuard}
 * whether the user's home is this region, so a foreign user's data is never read or written here.
 *
 * <p>Writes follow DESIGN.md section 4 without transactions: a create is {@code
 * DocumentReference.create} (or, over a leftover delete marker, a replace conditioned on the
 * marker's update time, keeping its pending events); a replace or delete reads the document, checks
 * the version and writes with {@code Precondition.updatedAt}. Each write carries the change's event
 * in the document's outbox and keeps the entries still pending.
 */
public final class FirestoreProfileStore implements ProfileStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FirestoreProfileStore.class);
  private static final int MARK_ATTEMPTS = 3;

  private final Firestore firestore;
  private final ResidencyGuard guard;
  private final Clock clock;

  /**
   * A store over {@code firestore}'s {@value ProfileDocument#COLLECTION} collection, serving only
   * users homed in {@code region}.
   */
  public FirestoreProfileStore(Firestore firestore, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Profile> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot = FirestoreCalls.await(document(userId).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    ProfileDocument stored = ProfileDocument.fromSnapshot(snapshot);
    return stored.deleted()
        ? Optional.empty()
        : Optional.of(ProfileDocumentMapper.toProfile(stored));
  }

  @Override
  public void create(Profile profile, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    DocumentReference ref = document(profile.userId());
    Optional<VersionedDocument> current = VersionedDocuments.read(ref);
    if (current.isEmpty()) {
      ProfileDocument created =
          ProfileDocumentMapper.toDocument(profile, Map.of(pending.id(), entry(pending)));
      VersionedDocuments.create(ref, created.toFields());
      return;
    }
    ProfileDocument stored = ProfileDocument.fromSnapshot(current.get().snapshot());
    if (!stored.deleted()) {
      throw new VersionConflictException("profile " + profile.userId() + " already exists");
    }
    ProfileDocument created =
        ProfileDocumentMapper.toDocument(profile, stored.outbox())
            .withPending(pending.id(), entry(pending));
    VersionedDocuments.replace(current.get(), created.toFields());
  }

  @Override
  public void replace(Profile profile, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    VersionedDocument current = requireLive(profile.userId(), expectedVersion);
    ProfileDocument stored = ProfileDocument.fromSnapshot(current.snapshot());
    ProfileDocument next =
        ProfileDocumentMapper.toDocument(profile, stored.outbox())
            .withPending(pending.id(), entry(pending));
    VersionedDocuments.replace(current, next.toFields());
  }

  @Override
  public void delete(UserId userId, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    VersionedDocument current = requireLive(userId, expectedVersion);
    ProfileDocument stored = ProfileDocument.fromSnapshot(current.snapshot());
    ProfileDocument marker =
        ProfileDocument.marker(userId.value(), expectedVersion + 1, stored.outbox())
            .withPending(pending.id(), entry(pending));
    VersionedDocuments.replace(current, marker.toFields());
  }

  @Override
  public void markPublished(UserId userId, String eventId, RegionId home) {
    guard.requireHome(home);
    DocumentReference ref = document(userId);
    for (int attempt = 1; attempt <= MARK_ATTEMPTS; attempt++) {
      Optional<VersionedDocument> current = VersionedDocuments.read(ref);
      if (current.isEmpty()) {
        return;
      }
      ProfileDocument stored = ProfileDocument.fromSnapshot(current.get().snapshot());
      if (!stored.outbox().containsKey(eventId)) {
        return;
      }
      ProfileDocument cleared = stored.withoutPending(eventId);
      try {
        if (cleared.deleted() && cleared.outbox().isEmpty()) {
          VersionedDocuments.delete(current.get());
        } else {
          VersionedDocuments.replace(current.get(), cleared.toFields());
        }
        return;
      } catch (VersionConflictException e) {
        log.debug(
            "user={} event={} changed while marking published, attempt {}",
            userId,
            eventId,
            attempt);
      }
    }
    // Still pending: the relay publishes it again later; consumers deduplicate on the event id.
    log.warn("event={} stays in the outbox after {} contended attempts", eventId, MARK_ATTEMPTS);
  }

  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    QuerySnapshot withPending =
        FirestoreCalls.await(
            firestore
                .collection(ProfileDocument.COLLECTION)
                .orderBy(ProfileDocument.OUTBOX_SINCE)
                .limit(limit)
                .get());
    List<PendingEvent> events = new ArrayList<>();
    for (DocumentSnapshot snapshot : withPending.getDocuments()) {
      ProfileDocument stored = ProfileDocument.fromSnapshot(snapshot);
      for (Map.Entry<String, OutboxEntry> entry : stored.pendingOldestFirst()) {
        if (events.size() == limit) {
          return events;
        }
        events.add(
            new PendingEvent(
                new UserId(stored.userId()), entry.getValue().toEvent(entry.getKey())));
      }
    }
    return events;
  }

  /** Closes the Firestore client. */
  @Override
  public void close() throws Exception {
    firestore.close();
  }

  private VersionedDocument requireLive(UserId userId, long expectedVersion) {
    VersionedDocument current =
        VersionedDocuments.read(document(userId))
            .orElseThrow(() -> new VersionConflictException("profile " + userId + " is gone"));
    if (ProfileDocument.fromSnapshot(current.snapshot()).deleted()
        || current.version() != expectedVersion) {
      throw new VersionConflictException(
          "profile " + userId + " is not at version " + expectedVersion);
    }
    return current;
  }

  private DocumentReference document(UserId userId) {
    return firestore.collection(ProfileDocument.COLLECTION).document(userId.value());
  }

  private OutboxEntry entry(OutboundEvent event) {
    return OutboxEntry.of(event, ProfileDocumentMapper.toTimestamp(clock.instant()));
  }
}
