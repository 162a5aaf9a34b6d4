package app.stride.aws.dynamodb.outbox;

import app.stride.core.event.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item outbox of an {@link OutboxItem} (DESIGN.md section 5): adds and removes pending
 * events and keeps the sparse outbox index attributes in step with them. One implementation for
 * every capability's table.
 */
public final class ItemOutbox {
  /** How many partitions the outbox index spreads pending items over. */
  public static final int SHARDS = 4;

  private ItemOutbox() {}

  /** The index partition of a user's item. */
  public static String shardOf(String userId) {
    return "outbox#" + Math.floorMod(userId.hashCode(), SHARDS);
  }

  /** {@code target} gets the pending events of {@code previous} (if any) plus {@code event}. */
  public static void carryAndAdd(
      OutboxItem previous, OutboxItem target, OutboundEvent event, Instant now) {
    Map<String, PendingEventItem> pending = new LinkedHashMap<>();
    if (previous != null && previous.getPendingEvents() != null) {
      pending.putAll(previous.getPendingEvents());
    }
    pending.put(event.id(), toItem(event, now));
    target.setPendingEvents(pending);
    refreshIndex(target);
  }

  /** Removes {@code eventId}; returns false when it was not pending. */
  public static boolean remove(OutboxItem item, String eventId) {
    Map<String, PendingEventItem> pending = item.getPendingEvents();
    if (pending == null || !pending.containsKey(eventId)) {
      return false;
    }
    Map<String, PendingEventItem> rest = new LinkedHashMap<>(pending);
    rest.remove(eventId);
    item.setPendingEvents(rest.isEmpty() ? null : rest);
    refreshIndex(item);
    return true;
  }

  /** Whether {@code item} has no pending event. */
  public static boolean isEmpty(OutboxItem item) {
    return item.getPendingEvents() == null || item.getPendingEvents().isEmpty();
  }

  /** The event a pending entry stands for. */
  public static OutboundEvent toEvent(String id, PendingEventItem item) {
    return new OutboundEvent(
        id, item.getType(), item.getSubject(), item.getJson().getBytes(StandardCharsets.UTF_8));
  }

  private static PendingEventItem toItem(OutboundEvent event, Instant now) {
    PendingEventItem item = new PendingEventItem();
    item.setType(event.type());
    item.setSubject(event.subject());
    item.setCreatedAtMillis(now.toEpochMilli());
    item.setJson(new String(event.json(), StandardCharsets.UTF_8));
    return item;
  }

  private static void refreshIndex(OutboxItem item) {
    if (isEmpty(item)) {
      item.setPendingEvents(null);
      item.setOutboxShard(null);
      item.setOutboxSince(null);
      return;
    }
    item.setOutboxShard(shardOf(item.getUserId()));
    item.setOutboxSince(
        item.getPendingEvents().values().stream()
            .mapToLong(PendingEventItem::getCreatedAtMillis)
            .min()
            .orElseThrow());
  }
}
