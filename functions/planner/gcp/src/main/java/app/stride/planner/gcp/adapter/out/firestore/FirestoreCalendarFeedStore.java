package app.stride.planner.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Calendar feeds of one Firestore region: the user's feed in {@code
 * users/{userId}/calendarFeeds/current} and one lookup per issued token hash in {@code
 * calendarFeedTokens/{tokenHash}}. Writes without transactions: a lookup is {@code create}d; the
 * feed is created, or read, checked on {@code version} and replaced or deleted with {@code
 * Precondition.updatedAt} ({@link VersionedDocuments}).
 */
public final class FirestoreCalendarFeedStore implements CalendarFeedStore {
  /** The collection of token lookups. */
  static final String TOKENS = "calendarFeedTokens";

  /** The subcollection of a user's feed. */
  static final String FEEDS = "calendarFeeds";

  /** The id of a user's feed document. */
  static final String CURRENT = "current";

  private final Firestore firestore;
  private final ResidencyGuard guard;

  /** A store over {@code firestore}, serving only users homed in {@code region}. */
  public FirestoreCalendarFeedStore(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<CalendarFeed> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot = FirestoreCalls.await(feed(userId).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return Optional.of(
        new CalendarFeed(
            new UserId(snapshot.getString("userId")),
            snapshot.getString("tokenHash"),
            snapshot.getString("language"),
            Instant.parse(snapshot.getString("createdAt")),
            snapshot.getLong(VersionedDocuments.VERSION_FIELD)));
  }

  @Override
  public Optional<UserId> ownerOf(String tokenHash, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot = FirestoreCalls.await(lookup(tokenHash).get());
    return snapshot.exists()
        ? Optional.of(new UserId(snapshot.getString("userId")))
        : Optional.empty();
  }

  @Override
  public void addLookup(String tokenHash, UserId userId, Instant createdAt, RegionId home) {
    guard.requireHome(home);
    VersionedDocuments.create(
        lookup(tokenHash), Map.of("userId", userId.value(), "createdAt", createdAt.toString()));
  }

  @Override
  public void removeLookup(String tokenHash, RegionId home) {
    guard.requireHome(home);
    FirestoreCalls.await(lookup(tokenHash).delete());
  }

  @Override
  public void save(CalendarFeed feed, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    Map<String, Object> fields = new HashMap<>();
    fields.put("userId", feed.userId().value());
    fields.put("tokenHash", feed.tokenHash());
    fields.put("language", feed.language());
    fields.put("createdAt", feed.createdAt().toString());
    fields.put(VersionedDocuments.VERSION_FIELD, feed.version());
    if (expectedVersion == 0) {
      VersionedDocuments.create(feed(feed.userId()), fields);
    } else {
      VersionedDocuments.replace(feed(feed.userId()), fields, expectedVersion);
    }
  }

  @Override
  public void delete(UserId userId, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    VersionedDocuments.delete(feed(userId), expectedVersion);
  }

  private DocumentReference feed(UserId userId) {
    return firestore
        .collection(MyPlanDocument.USERS)
        .document(userId.value())
        .collection(FEEDS)
        .document(CURRENT);
  }

  private DocumentReference lookup(String tokenHash) {
    return firestore.collection(TOKENS).document(tokenHash);
  }
}
