package app.stride.aws.dynamodb.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.event.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemOutboxTest {
  /** The smallest item with an outbox. */
  static final class Item implements OutboxItem {
    Map<String, PendingEventItem> pending;
    String shard;
    Long since;

    @Override
    public String getUserId() {
      return "usr_anna";
    }

    @Override
    public Map<String, PendingEventItem> getPendingEvents() {
      return pending;
    }

    @Override
    public void setPendingEvents(Map<String, PendingEventItem> pendingEvents) {
      this.pending = pendingEvents;
    }

    @Override
    public void setOutboxShard(String outboxShard) {
      this.shard = outboxShard;
    }

    @Override
    public void setOutboxSince(Long outboxSince) {
      this.since = outboxSince;
    }
  }

  private static OutboundEvent event(String id) {
    return new OutboundEvent(
        id, "t", "usr_anna", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void carryAndAdd_keepsEarlierPendingEvents_andIndexesTheOldest() {
    Item first = new Item();
    ItemOutbox.carryAndAdd(null, first, event("e1"), Instant.ofEpochMilli(1000));
    Item second = new Item();

    ItemOutbox.carryAndAdd(first, second, event("e2"), Instant.ofEpochMilli(5000));

    assertThat(second.pending).containsOnlyKeys("e1", "e2");
    assertThat(second.since).isEqualTo(1000L);
    assertThat(second.shard).isEqualTo(ItemOutbox.shardOf("usr_anna")).startsWith("outbox#");
    OutboundEvent back = ItemOutbox.toEvent("e2", second.pending.get("e2"));
    assertThat(back.id()).isEqualTo("e2");
    assertThat(back.type()).isEqualTo("t");
    assertThat(back.subject()).isEqualTo("usr_anna");
    assertThat(new String(back.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e2\"}");
  }

  @Test
  void remove_lastEvent_takesTheItemOutOfTheIndex_andAnUnknownIdChangesNothing() {
    Item item = new Item();
    ItemOutbox.carryAndAdd(null, item, event("e1"), Instant.ofEpochMilli(1000));

    assertThat(ItemOutbox.remove(item, "nope")).isFalse();
    assertThat(item.shard).isNotNull();
    assertThat(ItemOutbox.remove(item, "e1")).isTrue();
    assertThat(item.pending).isNull();
    assertThat(item.shard).isNull();
    assertThat(item.since).isNull();
    assertThat(ItemOutbox.isEmpty(item)).isTrue();
  }
}
