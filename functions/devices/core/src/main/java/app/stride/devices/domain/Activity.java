package app.stride.devices.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored activity in its owner's home region: the normalised data (its sample stream is kept
 * beside it, in object storage), every source it arrived from, and the one source that data is the
 * recording of. Only that source's updates change the data ({@link #withUpdatedData}).
 *
 * @param id the activity id
 * @param userId the owner
 * @param data the normalised content, without samples
 * @param sampleCount how many samples the stored stream holds
 * @param streamId the stream write that holds those samples (its object's key is derived from it);
 *     null when there are none, and on an activity stored before stream ids were recorded, whose
 *     samples (if {@code sampleCount > 0}) are in the one object the activity had then
 * @param sources where it came from, oldest first, never empty
 * @param dataSource the source whose recording {@code data} is; one of {@code sources}. A stored
 *     activity written before this was recorded has none: the stores read it as the first source,
 *     which is right for every activity whose data no richer merge replaced
 * @param version the optimistic version, 1 on creation, +1 on every change
 * @param importedAt when it was first imported
 * @param updatedAt when it last changed
 */
public record Activity(
    ActivityId id,
    UserId userId,
    ActivityData data,
    int sampleCount,
    StreamId streamId,
    List<ActivitySource> sources,
    ActivitySource dataSource,
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
    Objects.requireNonNull(dataSource, "dataSource");
    if (!sources.contains(dataSource)) {
      throw new IllegalArgumentException("the data source is one of the activity's sources");
    }
    if (!data.samples().isEmpty()) {
      throw new IllegalArgumentException("the stored activity keeps its samples apart");
    }
    if (version < 1 || sampleCount < 0) {
      throw new IllegalArgumentException("version >= 1 and sampleCount >= 0");
    }
    if (sampleCount == 0 && streamId != null) {
      throw new IllegalArgumentException("an activity without samples has no stream");
    }
  }

  /**
   * A new activity (version 1) from its first source, which its data comes from; {@code data} may
   * carry samples, which the caller stored as {@code stream} (null when there are none).
   */
  public static Activity imported(
      ActivityId id,
      UserId userId,
      ActivityData data,
      ActivitySource source,
      StreamId stream,
      Instant now) {
    return new Activity(
        id,
        userId,
        data.withoutSamples(),
        data.samples().size(),
        streamFor(data, stream),
        List.of(source),
        source,
        1,
        now,
        now);
  }

  /** Whether {@code source} is already one of this activity's sources. */
  public boolean hasSource(ActivitySource source) {
    return sources.stream().anyMatch(s -> s.sameRecordAs(source));
  }

  /** Whether this activity's data is the recording of {@code source} (same provider record). */
  public boolean hasDataFrom(ActivitySource source) {
    return dataSource.sameRecordAs(source);
  }

  /**
   * This activity with one more source. When {@code richer} is non-null (the new source carries
   * more samples), its data replaces this activity's, so the best recording wins, the new source
   * becomes the data source and {@code richerStream}, where the caller stored its samples, the
   * stream; otherwise {@code richerStream} is ignored and the stream stays.
   */
  public Activity withSource(
      ActivitySource source, ActivityData richer, StreamId richerStream, Instant now) {
    List<ActivitySource> next = new ArrayList<>(sources);
    next.add(source);
    ActivityData kept = richer == null ? data : richer.withoutSamples();
    int count = richer == null ? sampleCount : richer.samples().size();
    StreamId stream = richer == null ? streamId : streamFor(richer, richerStream);
    ActivitySource from = richer == null ? dataSource : source;
    return new Activity(id, userId, kept, count, stream, next, from, version + 1, importedAt, now);
  }

  /**
   * The next version, its data replaced by {@code update}: the data source's new recording of the
   * same activity (the caller checks {@link #hasDataFrom}). An update with samples replaces the
   * stream. One without keeps the stored stream only while it still describes the recording, i.e.
   * the start and elapsed time are unchanged (a corrected sport); a recording trimmed or moved
   * without a new stream is left with none, rather than with samples outside its span. {@code
   * stream} is where the caller stored the update's samples (null when it has none).
   */
  public Activity withUpdatedData(ActivityData update, StreamId stream, Instant now) {
    boolean keepStream = update.samples().isEmpty() && update.sameSpanAs(data);
    int count = keepStream ? sampleCount : update.samples().size();
    return new Activity(
        id,
        userId,
        update.withoutSamples(),
        count,
        keepStream ? streamId : streamFor(update, stream),
        sources,
        dataSource,
        version + 1,
        importedAt,
        now);
  }

  /** {@code stream}, which holds {@code data}'s samples; null when there are none. */
  private static StreamId streamFor(ActivityData data, StreamId stream) {
    if (data.samples().isEmpty()) {
      return null;
    }
    return Objects.requireNonNull(stream, "a stream id for the samples");
  }

  /**
   * Whether {@code other} holds the same data: the same summary ({@link
   * ActivityData#sameSummaryAs}) and as many samples.
   */
  public boolean sameDataAs(Activity other) {
    return data.sameSummaryAs(other.data) && sampleCount == other.sampleCount;
  }
}
