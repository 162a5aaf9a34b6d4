package app.stride.auth.gcp.adapter.out.firestore;

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
 * A document of {@value #COLLECTION} (id = user id): what is left of a deleted account until its
 * deletion event is published. It holds the user id, {@code deleted: true}, the pending events
 * ({@code events}, event id to {@link TombstoneEvent}) and {@code pendingSince}, the oldest pending
 * event's time, which the relay's query orders by. Nothing personal.
 *
 * @param userId the deleted account's id
 * @param events the deletion events not yet confirmed as published
 */
public record TombstoneDocument(String userId, Map<String, TombstoneEvent> events) {
  /** The collection of tombstones. */
  public static final String COLLECTION = "authTombstones";

  static final String USER_ID = "userId";
  static final String DELETED = "deleted";
  static final String EVENTS = "events";
  static final String PENDING_SINCE = "pendingSince";

  public TombstoneDocument {
    Objects.requireNonNull(userId, "userId");
    events = Map.copyOf(events);
  }

  /** This tombstone with {@code eventId} pending as well. */
  public TombstoneDocument with(String eventId, TombstoneEvent event) {
    Map<String, TombstoneEvent> more = new HashMap<>(events);
    more.put(eventId, event);
    return new TombstoneDocument(userId, more);
  }

  /** This tombstone without {@code eventId}. */
  public TombstoneDocument without(String eventId) {
    Map<String, TombstoneEvent> fewer = new HashMap<>(events);
    fewer.remove(eventId);
    return new TombstoneDocument(userId, fewer);
  }

  /** The oldest pending event's time. */
  public Optional<Timestamp> pendingSince() {
    return events.values().stream().map(TombstoneEvent::at).min(Comparator.naturalOrder());
  }

  /** The pending events, oldest first. */
  public List<Map.Entry<String, TombstoneEvent>> oldestFirst() {
    return events.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, TombstoneEvent> e) -> e.getValue().at())
                .thenComparing(Map.Entry::getKey))
        .toList();
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(USER_ID, userId);
    fields.put(DELETED, true);
    Map<String, Object> entries = new LinkedHashMap<>();
    events.forEach((id, event) -> entries.put(id, event.toFields()));
    fields.put(EVENTS, entries);
    pendingSince().ifPresent(since -> fields.put(PENDING_SINCE, since));
    return fields;
  }

  /** The document a snapshot holds. */
  public static TombstoneDocument fromSnapshot(DocumentSnapshot snapshot) {
    Map<String, TombstoneEvent> events = new HashMap<>();
    if (snapshot.get(EVENTS) instanceof Map<?, ?> stored) {
      stored.forEach(
          (id, event) -> events.put((String) id, TombstoneEvent.fromFields((Map<?, ?>) event)));
    }
    String userId = snapshot.getString(USER_ID);
    return new TombstoneDocument(userId == null ? snapshot.getId() : userId, events);
  }
}
