package app.stride.infra.aws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data resources of one AWS region that capability functions are granted: the region's key, its
 * listing-cursor secret, every capability's table (by capability name), every events or work queue
 * (by stem), and the buckets, envelope keys and settings bundles of the capabilities that have them
 * (by capability name). Grants are built only from these, so a function can name nothing of another
 * region.
 *
 * @param key the region's KMS key
 * @param cursorKey the region's listing-cursor HMAC key secret
 * @param tables the capability tables, by capability name
 * @param queues the events, work and subscriber queues, by stem (e.g. {@code profile-events},
 *     {@code devices-work}, {@code devices-eraser})
 * @param buckets the capability buckets, by capability name
 * @param envelopeKeys the capability envelope keys, by capability name
 * @param settings the settings bundles of the capabilities with secret settings, by capability name
 * @param redis the region's Redis, which the HTTP functions reach through the region's network
 */
public record RegionStores(
    RegionKey key,
    CursorKeySecret cursorKey,
    Map<String, CapabilityTable> tables,
    Map<String, EventsQueue> queues,
    Map<String, CapabilityBucket> buckets,
    Map<String, RegionKey> envelopeKeys,
    Map<String, SettingsBundleSecret> settings,
    RegionRedis redis) {

  /** Copies the maps. */
  public RegionStores {
    tables = Map.copyOf(tables);
    queues = Map.copyOf(queues);
    buckets = Map.copyOf(buckets);
    envelopeKeys = Map.copyOf(envelopeKeys);
    settings = Map.copyOf(settings);
    Objects.requireNonNull(redis, "redis");
  }

  /** The table of {@code capability}; fails when the region has none. */
  public CapabilityTable table(String capability) {
    return Optional.ofNullable(tables.get(capability))
        .orElseThrow(() -> new IllegalStateException("no table of " + capability));
  }

  /** The queue {@code stem}; fails when the region has none. */
  public EventsQueue queue(String stem) {
    return Optional.ofNullable(queues.get(stem))
        .orElseThrow(() -> new IllegalStateException("no queue " + stem));
  }

  /** The bucket of {@code capability}; fails when the region has none. */
  public CapabilityBucket bucket(String capability) {
    return Optional.ofNullable(buckets.get(capability))
        .orElseThrow(() -> new IllegalStateException("no bucket of " + capability));
  }

  /** The settings bundle of {@code capability}, if it has secret settings. */
  public Optional<SettingsBundleSecret> settings(String capability) {
    return Optional.ofNullable(settings.get(capability));
  }

  /** The envelope key of {@code capability}; fails when the region has none. */
  public RegionKey envelopeKey(String capability) {
    return Optional.ofNullable(envelopeKeys.get(capability))
        .orElseThrow(() -> new IllegalStateException("no envelope key of " + capability));
  }
}
