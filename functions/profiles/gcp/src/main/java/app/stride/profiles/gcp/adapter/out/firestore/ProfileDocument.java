package app.stride.profiles.gcp.adapter.out.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A document of the {@code profiles} collection: a live profile, or the delete marker that keeps a
 * deleted profile's pending events (and nothing personal) until they are published.
 *
 * <p>Top-level fields: the personal fields ({@link #personal}, absent on a marker), {@code userId},
 * {@code version}, {@code deleted} (markers only), {@code outbox} (event id to {@link OutboxEntry})
 * and {@code outboxSince} (the oldest pending entry's time, absent when nothing is pending, so the
 * relay's query {@code orderBy("outboxSince")} finds exactly the documents with pending events).
 *
 * @param userId the owner, also the document id
 * @param personal the profile's personal fields as stored (nested maps for goals and preferences);
 *     empty on a delete marker
 * @param version the optimistic version
 * @param deleted whether this is a delete marker
 * @param outbox the pending events by event id
 */
public record ProfileDocument(
    String userId,
    Map<String, Object> personal,
    long version,
    boolean deleted,
    Map<String, OutboxEntry> outbox) {

  /** The collection of profile documents. */
  public static final String COLLECTION = "profiles";

  static final String USER_ID = "userId";
  static final String VERSION = "version";
  static final String DELETED = "deleted";
  static final String OUTBOX = "outbox";
  static final String OUTBOX_SINCE = "outboxSince";

  public ProfileDocument {
    Objects.requireNonNull(userId, "userId");
    personal = Map.copyOf(personal);
    outbox = Map.copyOf(outbox);
    if (deleted && !personal.isEmpty()) {
      throw new IllegalArgumentException("a delete marker holds no personal field");
    }
  }

  /** A delete marker: the user id, the version and the pending events, nothing personal. */
  public static ProfileDocument marker(
      String userId, long version, Map<String, OutboxEntry> outbox) {
    return new ProfileDocument(userId, Map.of(), version, true, outbox);
  }

  /** This document with {@code eventId} added to its outbox. */
  public ProfileDocument withPending(String eventId, OutboxEntry entry) {
    Map<String, OutboxEntry> more = new HashMap<>(outbox);
    more.put(eventId, entry);
    return new ProfileDocument(userId, personal, version, deleted, more);
  }

  /** This document without the pending event {@code eventId}. */
  public ProfileDocument withoutPending(String eventId) {
    Map<String, OutboxEntry> fewer = new HashMap<>(outbox);
    fewer.remove(eventId);
    return new ProfileDocument(userId, personal, version, deleted, fewer);
  }

  /** The oldest pending entry's time, when any is pending. */
  public Optional<Timestamp> outboxSince() {
    return outbox.values().stream().map(OutboxEntry::at).min(Comparator.naturalOrder());
  }

  /** The pending events, oldest first. */
  public List<Map.Entry<String, OutboxEntry>> pendingOldestFirst() {
    return outbox.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, OutboxEntry> e) -> e.getValue().at())
                .thenComparing(Map.Entry::getKey))
        .toList();
  }

  /** The document's fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>(personal);
    fields.put(USER_ID, userId);
    fields.put(VERSION, version);
    if (deleted) {
      fields.put(DELETED, true);
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    outbox.forEach((id, entry) -> entries.put(id, entry.toFields()));
    fields.put(OUTBOX, entries);
    outboxSince().ifPresent(since -> fields.put(OUTBOX_SINCE, since));
    return fields;
  }

  /** The document a snapshot holds. */
  public static ProfileDocument fromSnapshot(DocumentSnapshot snapshot) {
    Map<String, Object> fields = new HashMap<>(Objects.requireNonNull(snapshot.getData()));
    String userId = (String) fields.remove(USER_ID);
    Long version = (Long) fields.remove(VERSION);
    boolean deleted = Boolean.TRUE.equals(fields.remove(DELETED));
    fields.remove(OUTBOX_SINCE);
    Map<String, OutboxEntry> outbox = new HashMap<>();
    if (fields.remove(OUTBOX) instanceof Map<?, ?> stored) {
      stored.forEach(
          (id, entry) -> outbox.put((String) id, OutboxEntry.fromFields((Map<?, ?>) entry)));
    }
    return new ProfileDocument(
        userId == null ? snapshot.getId() : userId,
        fields,
        version == null ? 0 : version,
        deleted,
        outbox);
  }
}
