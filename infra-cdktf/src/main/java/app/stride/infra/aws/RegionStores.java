package app.stride.infra.aws;

import java.util.Map;
import java.util.Optional;

/**
 * The data resources of one AWS region that capability functions are granted: the region's key, its
 * listing-cursor secret, every capability's table (by capability name) and every events queue (by
 * events name). Grants are built only from these, so a function can name nothing of another region.
 *
 * @param key the region's KMS key
 * @param cursorKey the region's listing-cursor HMAC key secret
 * @param tables the capability tables, by capability name
 * @param queues the events queues, by events name (e.g. {@code profile-events})
 */
public record RegionStores(
    RegionKey key,
    CursorKeySecret cursorKey,
    Map<String, CapabilityTable> tables,
    Map<String, EventsQueue> queues) {

  /** Copies the maps. */
  public RegionStores {
    tables = Map.copyOf(tables);
    queues = Map.copyOf(queues);
  }

  /** The table of {@code capability}; fails when the region has none. */
  public CapabilityTable table(String capability) {
    return Optional.ofNullable(tables.get(capability))
        .orElseThrow(() -> new IllegalStateException("no table of " + capability));
  }

  /** The queue {@code events}; fails when the region has none. */
  public EventsQueue queue(String events) {
    return Optional.ofNullable(queues.get(events))
        .orElseThrow(() -> new IllegalStateException("no events queue " + events));
  }
}
