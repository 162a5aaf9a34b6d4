package app.stride.devices.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.PresignedUpload;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.UserId;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of files too large for a request (an Apple Health {@code export.zip} is 50–500 MB): the
 * client announces the file ({@link #start}), puts it straight into the region's bucket with a
 * presigned URL, says it is there ({@link #complete}), and the worker streams it from the bucket
 * through the same decoding and ingest as a file sent in the request ({@link #process}).
 *
 * <p>An upload is keyed by its announced SHA-256 like any import, so announcing the same file again
 * answers the same import (with a fresh URL while it still awaits its bytes). The worker checks the
 * digest of the bytes it reads: an object that is not the announced file fails the import with
 * {@value ImportJob#CHECKSUM_MISMATCH}, and that failure does not hold the hash. Redelivery is
 * safe: a finished import is answered as it is, and each activity's source is claimed once.
 *
 * <p>An erased account ({@link ErasedAccounts}) can neither announce nor complete an upload (401,
 * nothing stored or queued), and the worker drops an upload of an erased account queued before the
 * erasure: after decoding, right before the first write of its outcome, sweeping what the account
 * still holds. Each of them checks again after it wrote, and sweeps when the erasure ran meanwhile
 * ({@link ErasedGuard}).
 */
public final class ImportUploads {
  private static final Logger log = LoggerFactory.getLogger(ImportUploads.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final ImportJobStore jobs;
  private final ObjectStore objects;
  private final WorkQueue queue;
  private final ActivityDecoder decoder;
  private final ImportRun run;
  private final ErasedGuard erased;
  private final UploadPolicy policy;
  private final ResidencyGuard guard;
  private final RegionId region;
  private final Clock clock;
  private final RandomGenerator random;

  public ImportUploads(
      ImportJobStore jobs,
      ObjectStore objects,
      WorkQueue queue,
      ActivityDecoder decoder,
      ActivityIngest ingest,
      UserDataEraser eraser,
      UploadPolicy policy,
      RegionId servingRegion,
      Clock clock,
      RandomGenerator random) {
    this.jobs = jobs;
    this.objects = objects;
    this.queue = queue;
    this.decoder = decoder;
    this.run = new ImportRun(jobs, ingest, clock);
    this.erased = eraser.guard();
    this.policy = policy;
    this.guard = new ResidencyGuard(servingRegion);
    this.region = servingRegion;
    this.clock = clock;
    this.random = random;
  }

  /**
   * The answer to an announced upload.
   *
   * @param job the import (new and awaiting its upload, or the earlier import of the same file)
   * @param upload where to put the file, while the import awaits it
   * @param created whether the import is new
   */
  public record Started(ImportJob job, Optional<PresignedUpload> upload, boolean created) {}

  /**
   * Records a new import awaiting its upload and signs the URL to put it to: for exactly its key
   * ({@code originals/<user>/<importId>}), media type and size. An earlier import of the same file
   * is answered instead (re-signed when it still awaits its upload, with the size announced now).
   *
   * @throws ProblemException {@code dependency-unavailable} (503) when the region's bucket cannot
   *     sign uploads, {@code unsupported-media-type} for a type other than the four files, {@code
   *     payload-too-large} over the type's limit, {@code validation-failed} for a digest that is
   *     not 64 hex digits, {@code conflict} when the same file was announced as another type,
   *     {@code unauthorized} (401) when the account was erased
   */
  public Started start(UserId user, RegionId home, String contentType, long size, String sha256) {
    guard.requireHome(home);
    return erased.request(user, () -> announce(user, home, contentType, size, sha256));
  }

  private Started announce(
      UserId user, RegionId home, String contentType, long size, String sha256) {
    if (!objects.signsUploads()) {
      // Checked before anything is stored: no import is left waiting for an upload that cannot
      // come (the local platform's in-memory bucket).
      throw new ProblemException(
          ProblemType.DEPENDENCY_UNAVAILABLE,
          "Uploads through the bucket are not available in this region; send the file as the"
              + " body of POST /v1/activities/imports instead.");
    }
    String mediaType =
        policy
            .mediaType(contentType)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "contentType must be application/fit, application/gpx+xml,"
                            + " application/vnd.garmin.tcx+xml or application/zip."));
    if (size < 1) {
      throw ProblemException.invalid("/size", "must be at least 1");
    }
    long limit = policy.limitFor(mediaType);
    if (size > limit) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The file has " + size + " bytes; the limit for " + mediaType + " is " + limit + ".");
    }
    String digest = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(digest).matches()) {
      throw ProblemException.invalid("/sha256", "must be 64 hexadecimal digits");
    }
    Optional<ImportJob> earlier = jobs.findBySha256(user, digest, home);
    if (earlier.isPresent()) {
      return again(earlier.get(), mediaType, size, home);
    }
    Instant now = clock.instant();
    ImportId id = ImportId.next(now, random);
    ImportJob job =
        ImportJob.awaitingUpload(
            id, user, mediaType, ImportService.originalKey(user, id), digest, size, now);
    try {
      jobs.create(job, home);
    } catch (VersionConflictException raced) {
      // The same file was announced twice at once: the other announcement's import answers both.
      ImportJob other = jobs.findBySha256(user, digest, home).orElseThrow(() -> raced);
      return again(other, mediaType, size, home);
    }
    return new Started(job, Optional.of(sign(job)), true);
  }

  private Started again(ImportJob earlier, String mediaType, long size, RegionId home) {
    if (earlier.status() != ImportStatus.AWAITING_UPLOAD) {
      return new Started(earlier, Optional.empty(), false);
    }
    if (!earlier.format().equals(mediaType)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "This file was announced as "
              + earlier.format()
              + " (import "
              + earlier.id()
              + "); announce it with that type.");
    }
    ImportJob job = earlier;
    if (earlier.size() != size) {
      // A corrected announcement of the same file: the new size is the one signed.
      job = earlier.withSize(size, clock.instant());
      jobs.update(job, home);
    }
    return new Started(job, Optional.of(sign(job)), false);
  }

  /**
   * The client says the file is in the bucket: the object must be there with the announced size;
   * the import is queued for the worker (idempotency key: the import id) and is {@code processing}.
   * Calling again is harmless: a finished import is answered as it is, and one still processing is
   * queued again only when the worker has had {@link UploadPolicy#requeueAfter} for it.
   *
   * @throws ProblemException {@code not-found} for an unknown id or another user's import, {@code
   *     conflict} when no object is there yet or it has another size than announced (that object is
   *     removed; the import still awaits its upload), {@code unauthorized} (401) when the account
   *     was erased (nothing is queued or changed)
   */
  public ImportJob complete(UserId user, RegionId home, ImportId id) {
    guard.requireHome(home);
    return erased.request(user, () -> markUploaded(user, home, id));
  }

  private ImportJob markUploaded(UserId user, RegionId home, ImportId id) {
    ImportJob job =
        jobs.find(user, id, home)
            .orElseThrow(
                () ->
                    new ProblemException(ProblemType.NOT_FOUND, "You have no import " + id + "."));
    if (job.status().isFinal()) {
      return job;
    }
    Instant now = clock.instant();
    if (job.status() == ImportStatus.PROCESSING
        && job.updatedAt().plus(policy.requeueAfter()).isAfter(now)) {
      return job;
    }
    checkUploaded(job);
    // Queued before the status changes: should the update fail, the next call queues again, and
    // the worker takes an import still marked awaiting-upload as well.
    queue.send(QueuedImport.KIND, id.value(), new QueuedImport(user, id).write());
    if (job.status() == ImportStatus.AWAITING_UPLOAD) {
      ImportJob processing = job.processing(now);
      jobs.update(processing, home);
      return processing;
    }
    return job;
  }

  private void checkUploaded(ImportJob job) {
    Optional<Long> stored = objects.size(job.originalKey());
    if (stored.isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "No file has been uploaded for import " + job.id() + " yet; put it to its upload URL.");
    }
    if (job.size() != null && stored.get().longValue() != job.size().longValue()) {
      objects.delete(job.originalKey());
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The uploaded file has "
              + stored.get()
              + " bytes but "
              + job.size()
              + " were announced; it was discarded. Upload the announced file again.");
    }
  }

  /**
   * The worker's part: streams the uploaded original from the bucket through the decoder while
   * hashing it, then ingests its activities, or fails the import with the decoder's reason, or with
   * {@value ImportJob#CHECKSUM_MISMATCH} when the bytes are not the announced file. A finished,
   * unknown or object-less import, or one of an erased account, is left as it is (logged).
   *
   * @return the import as it ends, or empty when there is none
   * @throws UncheckedIOException when the bucket fails mid-read (redeliver)
   */
  public Optional<ImportJob> process(QueuedImport message) {
    Optional<ImportJob> found = jobs.find(message.userId(), message.importId(), region);
    if (found.isEmpty()) {
      log.info("import={} dropped: no such import (expired?)", message.importId());
      return Optional.empty();
    }
    ImportJob job = found.get();
    if (job.status().isFinal()) {
      log.info("import={} already {}", job.id(), job.status().wire());
      return found;
    }
    Optional<InputStream> opened = objects.open(job.originalKey());
    if (opened.isEmpty()) {
      log.warn("import={} dropped: its original is not in the bucket", job.id());
      return found;
    }
    try (InputStream original = opened.get()) {
      Optional<ImportJob> outcome = decodeAndIngest(job, original);
      if (outcome.isEmpty()) {
        // Queued before the account was erased, or erased while it was written: nothing of it
        // stays (it is never retryable).
        log.info("import={} dropped: the account was erased", job.id());
        return outcome;
      }
      ImportJob ended = outcome.get();
      log.info(
          "import={} format={} {} activities={}",
          job.id(),
          job.format(),
          ended.status().wire(),
          ended.activityIds().size());
      return Optional.of(ended);
    } catch (IOException e) {
      throw new UncheckedIOException("reading import " + job.id() + " from the bucket", e);
    } catch (VersionConflictException e) {
      // Another delivery of the same message finished it first (its claims made ours no-ops).
      return jobs.find(message.userId(), message.importId(), region);
    }
  }

  private Optional<ImportJob> decodeAndIngest(ImportJob job, InputStream original)
      throws IOException {
    Hashed hashed = new Hashed(original);
    List<ActivityData> decoded = null;
    ImportFailure rejected = null;
    try {
      decoded = decoder.decode(job.format(), hashed);
    } catch (ActivityDecoder.Rejected e) {
      rejected = e.failure();
    }
    // The digest covers every byte of the object: read what the decoder left, stopping once the
    // object is past the announced size (then it cannot be the announced file).
    long left = job.size() == null ? Long.MAX_VALUE : job.size() - hashed.count;
    boolean longer = left < 0;
    try {
      if (!longer) {
        hashed.transferTo(new BoundedSink(left));
      }
    } catch (OversizedObject e) {
      longer = true;
    }
    String digest = HexFormat.of().formatHex(hashed.digest.digest());
    boolean mismatch = longer || !digest.equals(job.sha256());
    List<ActivityData> activities = decoded;
    ImportFailure failure = rejected;
    return erased.work(job.userId(), held -> outcome(job, mismatch, failure, activities, held));
  }

  /** Writes the import's outcome: failed (a mismatch or the decoder's reason) or ingested. */
  private ImportJob outcome(
      ImportJob job,
      boolean mismatch,
      ImportFailure rejected,
      List<ActivityData> decoded,
      HeldEvents later) {
    if (mismatch) {
      return run.fail(
          job,
          new ImportFailure(
              ImportJob.CHECKSUM_MISMATCH,
              "The uploaded file's SHA-256 is not the one announced; announce and upload it again."),
          region);
    }
    return rejected != null
        ? run.fail(job, rejected, region)
        : run.ingest(job, decoded, region, later);
  }

  private PresignedUpload sign(ImportJob job) {
    return objects.presignPut(job.originalKey(), job.format(), job.size(), policy.urlLifetime());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * Hashes and counts every byte read through it; a skip reads the skipped bytes too, so the digest
   * always covers the object from its start. A read failing unchecked becomes an {@link
   * IOException}.
   */
  private static final class Hashed extends FilterInputStream {
    private final MessageDigest digest = sha256();
    private long count;

    Hashed(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (RuntimeException e) {
        // A storage client's unchecked failure mid-read is the bucket's, not the file's: an
        // IOException, so the parsers report it as the source failing and the message is retried.
        throw new IOException("reading the original failed", e);
      }
      if (n > 0) {
        digest.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** Discards what it is given and stops the copy after {@code limit} bytes. */
  private static final class BoundedSink extends OutputStream {
    private long left;

    BoundedSink(long limit) {
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      left -= len;
      if (left < 0) {
        throw new OversizedObject();
      }
    }
  }

  /** The object is longer than announced (it cannot be the announced file). */
  private static final class OversizedObject extends IOException {
    private static final long serialVersionUID = 1L;

    OversizedObject() {
      super("the object is longer than announced", null);
    }
  }
}
