package app.stride.devices.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored activity in its owner's home region: the normalised data (its sample stream is kept
 * beside it, in object storage) and every source it arrived from.
 *
 * @param id the activity id
 * @param userId the owner
 * @param data the normalised content, without samples
 * @param sampleCount how many samples the stored stream holds
 * @param sources where it came from, oldest first, never empty
 * @param version the optimistic version, 1 on creation, +1 on every change
 * @param importedAt when it was first imported
 * @param updatedAt when it last changed
 */
public record Activity(
    ActivityId id,
    UserId userId,
    ActivityData data,
    int sampleCount,
    List<ActivitySource> sources,
    long version,
    Instant importedAt,
    Instant updatedAt) {

  public Activity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(importedAt, "importedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("an activity has at least one source");
    }
    if (!data.samples().isEmpty()) {
      throw new IllegalArgumentException("the stored activity keeps its samples apart");
    }
    if (version < 1 || sampleCount < 0) {
      throw new IllegalArgumentException("version >= 1 and sampleCount >= 0");
    }
  }

  /** A new activity (version 1) from its first source; {@code data} may carry samples. */
  public static Activity imported(
      ActivityId id, UserId userId, ActivityData data, ActivitySource source, Instant now) {
    return new Activity(
        id, userId, data.withoutSamples(), data.samples().size(), List.of(source), 1, now, now);
  }

  /** Whether {@code source} is already one of this activity's sources. */
  public boolean hasSource(ActivitySource source) {
    return sources.stream().anyMatch(s -> s.sameRecordAs(source));
  }

  /**
   * This activity with one more source. When {@code richer} is non-null (the new source carries
   * more samples), its data replaces this activity's, so the best recording wins.
   */
  public Activity withSource(ActivitySource source, ActivityData richer, Instant now) {
    List<ActivitySource> next = new ArrayList<>(sources);
    next.add(source);
    ActivityData kept = richer == null ? data : richer.withoutSamples();
    int count = richer == null ? sampleCount : richer.samples().size();
    return new Activity(id, userId, kept, count, next, version + 1, importedAt, now);
  }
}
