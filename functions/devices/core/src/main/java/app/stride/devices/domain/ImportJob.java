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
 * @param sha256 hex SHA-256 of the original (the same file twice imports once); for an upload, the
 *     digest the client announced, checked when the worker reads the object
 * @param size the original's size in bytes: announced for an upload (the object must have it),
 *     counted for a file sent in the request; null for imports recorded before sizes were kept
 * @param status awaiting-upload, processing, done or failed
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
    Long size,
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
    if (size != null && size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (status == ImportStatus.AWAITING_UPLOAD && size == null) {
      throw new IllegalArgumentException("an awaited upload has an announced size");
    }
  }

  /** The failure code of an upload whose bytes do not have the announced SHA-256. */
  public static final String CHECKSUM_MISMATCH = "checksum-mismatch";

  /** A new import, processing, of a file whose size is not recorded. */
  public static ImportJob received(
      ImportId id,
      UserId userId,
      Provider provider,
      String format,
      String originalKey,
      String sha256,
      Instant now) {
    return received(id, userId, provider, format, originalKey, sha256, null, now);
  }

  /** A new import, processing, of an original of {@code size} bytes. */
  public static ImportJob received(
      ImportId id,
      UserId userId,
      Provider provider,
      String format,
      String originalKey,
      String sha256,
      Long size,
      Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        size,
        ImportStatus.PROCESSING,
        List.of(),
        null,
        now,
        now);
  }

  /**
   * A new file import announced by its client, awaiting the upload of {@code size} bytes with
   * SHA-256 {@code sha256} to {@code originalKey}.
   */
  public static ImportJob awaitingUpload(
      ImportId id,
      UserId userId,
      String format,
      String originalKey,
      String sha256,
      long size,
      Instant now) {
    return new ImportJob(
        id,
        userId,
        Provider.UPLOAD,
        format,
        originalKey,
        sha256,
        size,
        ImportStatus.AWAITING_UPLOAD,
        List.of(),
        null,
        now,
        now);
  }

  /** This import, processing: its upload arrived. */
  public ImportJob processing(Instant now) {
    return next(ImportStatus.PROCESSING, List.of(), null, now);
  }

  /**
   * Whether this import answers a later import of the same SHA-256. One that failed because its
   * upload did not match the announced digest does not: that file was never seen, and sending it
   * again must import it.
   */
  public boolean holdsHash() {
    return !(status == ImportStatus.FAILED && CHECKSUM_MISMATCH.equals(failure.code()));
  }

  /** This import, done with {@code activities} (at least one). */
  public ImportJob done(List<ActivityId> activities, Instant now) {
    return next(ImportStatus.DONE, activities, null, now);
  }

  /** This import, failed for {@code why}. */
  public ImportJob failed(ImportFailure why, Instant now) {
    return next(ImportStatus.FAILED, List.of(), why, now);
  }

  /**
   * This import, awaiting an upload of {@code newSize} bytes instead (a corrected announcement of
   * the same file).
   */
  public ImportJob withSize(long newSize, Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        newSize,
        status,
        activityIds,
        failure,
        createdAt,
        now);
  }

  private ImportJob next(
      ImportStatus nextStatus, List<ActivityId> nextActivities, ImportFailure why, Instant now) {
    return new ImportJob(
        id,
        userId,
        provider,
        format,
        originalKey,
        sha256,
        size,
        nextStatus,
        nextActivities,
        why,
        createdAt,
        now);
  }
}
