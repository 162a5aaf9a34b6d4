package app.stride.devices.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One import: a file or app upload, its raw original's key in object storage, and its outcome.
 *
 * @param id the import id
 * @param userId the owner
 * @param provider {@code UPLOAD} for a file, {@code APPLE_HEALTH} or {@code HEALTH_CONNECT} for app
 *     uploads, a provider for files fetched after a webhook
 * @param format the media type of the original, e.g. {@code application/fit}
 * @param originalKey the raw original's key in the region's bucket
 * @param sha256 hex SHA-256 of the original (the same file twice imports once)
 * @param status processing, done or failed
 * @param activityIds the resulting activities when done (one per file; an archive may hold many),
 *     empty otherwise
 * @param failure why it failed when failed
 * @param createdAt when it was received
 * @param updatedAt when the status last changed
 */
public record ImportJob(
    ImportId id,
    UserId userId,
    Provider provider,
    String format,
    String originalKey,
    String sha256,
    ImportStatus status,
    List<ActivityId> activityIds,
    ImportFailure failure,
    Instant createdAt,
    Instant updatedAt) {

  public ImportJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(originalKey, "originalKey");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    activityIds = List.copyOf(activityIds);
    if ((status == ImportStatus.DONE) != !activityIds.isEmpty()) {
      throw new IllegalArgumentException("activity ids exactly when done");
    }
    if ((status == ImportStatus.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("a failure exactly when failed");
    }
  }

  /** A new import, processing. */
  public static ImportJob received(
      ImportId id,
      UserId userId,
      Provider provider,
      String format,
      String originalKey,
      String sha256,
      Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        ImportStatus.PROCESSING,
        List.of(),
        null,
        now,
        now);
  }

  /** This import, done with {@code activities} (at least one). */
  public ImportJob done(List<ActivityId> activities, Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        ImportStatus.DONE,
        activities,
        null,
        createdAt,
        now);
  }

  /** This import, failed for {@code why}. */
  public ImportJob failed(ImportFailure why, Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        ImportStatus.FAILED,
        List.of(),
        why,
        createdAt,
        now);
  }
}
