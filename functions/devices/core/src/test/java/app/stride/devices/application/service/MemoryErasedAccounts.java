package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The erased accounts in memory for the use-case tests: each marker's expiry, counted against the
 * marking time only (the adapters' expiry is tested against the real servers).
 */
public final class MemoryErasedAccounts implements ErasedAccounts {
  /** The markers: user id to expiry. */
  public final Map<UserId, Instant> markers = new LinkedHashMap<>();

  /** When each marked account was erased (set by {@link #markErased}). */
  public final Map<UserId, Instant> erasedAt = new LinkedHashMap<>();

  /** Runs as a marker is set: a test sees there what the other stores held at that moment. */
  public Runnable onMark = () -> {};

  /** How many checks were made. */
  public int checks;

  /** When set, every check throws it, as a marker store that cannot be reached. */
  public RuntimeException unavailable;

  private Runnable afterCheck = () -> {};

  /**
   * Runs {@code erasure} once, right after the first check has read its answer and before that
   * answer is returned: the erasure overtakes a write between its first check and the write.
   */
  public void eraseRightAfterFirstCheck(Runnable erasure) {
    afterCheck =
        () -> {
          afterCheck = () -> {};
          erasure.run();
        };
  }

  @Override
  public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home) {
    onMark.run();
    markers.put(userId, expiresAt);
    this.erasedAt.put(userId, erasedAt);
  }

  @Override
  public boolean isErased(UserId userId, RegionId home) {
    checks++;
    if (unavailable != null) {
      throw unavailable;
    }
    boolean erased = markers.containsKey(userId);
    afterCheck.run();
    return erased;
  }

  @Override
  public List<UserId> erasedSince(Instant since, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return erasedAt.entrySet().stream()
        .filter(marker -> markers.containsKey(marker.getKey()))
        .filter(marker -> !marker.getValue().isBefore(since))
        .sorted(Map.Entry.<UserId, Instant>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }
}
