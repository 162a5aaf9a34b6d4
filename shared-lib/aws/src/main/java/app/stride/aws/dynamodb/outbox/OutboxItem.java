package app.stride.aws.dynamodb.outbox;

import java.util.Map;

/**
 * A DynamoDB item that carries its own outbox: the events written with its change and not yet
 * confirmed as published, and the attributes of the sparse outbox index (a shard of the owner and
 * the oldest pending event's time) that the relay queries.
 */
public interface OutboxItem {
  /** The owner, whose hash picks the index shard. */
  String getUserId();

  /** The pending events by event id; null when none. */
  Map<String, PendingEventItem> getPendingEvents();

  /** Replaces the pending events (null when none). */
  void setPendingEvents(Map<String, PendingEventItem> pendingEvents);

  /** The outbox index's partition attribute (null takes the item out of the index). */
  void setOutboxShard(String outboxShard);

  /** The outbox index's sort attribute: the oldest pending event's time in milliseconds. */
  void setOutboxSince(Long outboxSince);
}
