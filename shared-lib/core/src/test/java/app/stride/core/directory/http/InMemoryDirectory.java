package app.stride.core.directory.http;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A directory in a map, with the port's semantics: a taken key refuses a second registration. */
final class InMemoryDirectory implements DirectoryPort {
  private final Map<DirectoryKey, RegionId> entries = new ConcurrentHashMap<>();

  @Override
  public void register(DirectoryKey key, RegionId home) {
    if (entries.putIfAbsent(key, home) != null) {
      throw new VersionConflictException("taken");
    }
  }

  @Override
  public Optional<RegionId> homeRegion(DirectoryKey key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public void remove(DirectoryKey key) {
    entries.remove(key);
  }

  /** A copy of every entry, to prove an attack changed nothing. */
  Map<DirectoryKey, RegionId> snapshot() {
    return Map.copyOf(entries);
  }
}
