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
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Imports files and app uploads sent in the request: keeps the raw original in the region's bucket,
 * records the import, decodes it and hands each activity to {@link ActivityIngest} (which merges
 * duplicates).
 *
 * <p>Idempotent per file: the import is keyed by the original's SHA-256, so the same file sent
 * again answers the first import; an import left {@code processing} by a crash is finished by the
 * next attempt, and each activity's source ({@code upload} + hash + position in the file) is
 * claimed once, so a retry never imports a file's activities twice.
 *
 * <p>An erased account's upload (an access token issued before the deletion) is refused before
 * anything is stored ({@link ErasedAccounts}); an upload the erasure overtook is erased again after
 * it is stored, and refused the same way ({@link ErasedGuard}).
 */
public final class ImportService {
  private final ImportJobStore jobs;
  private final ObjectStore objects;
  private final ActivityDecoder decoder;
  private final ImportRun run;
  private final ErasedGuard erased;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final RandomGenerator random;

  public ImportService(
      ImportJobStore jobs,
      ObjectStore objects,
      ActivityDecoder decoder,
      ActivityIngest ingest,
      UserDataEraser eraser,
      RegionId servingRegion,
      Clock clock,
      RandomGenerator random) {
    this.jobs = jobs;
    this.objects = objects;
    this.decoder = decoder;
    this.run = new ImportRun(jobs, ingest, clock);
    this.erased = eraser.guard();
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
    this.random = random;
  }

  /**
   * Imports one uploaded file (or answers the import of the same file before).
   *
   * @param source {@link Provider#UPLOAD} for a file; the app's platform for an app upload
   * @throws ProblemException {@code unauthorized} (401) when the account was erased (nothing is
   *     stored; when the erasure ran during the import, what it stored is erased again)
   */
  public ImportJob importFile(
      UserId user, RegionId home, Provider source, String mediaType, byte[] body) {
    guard.requireHome(home);
    return erased.request(user, held -> store(user, home, source, mediaType, body, held));
  }

  private ImportJob store(
      UserId user,
      RegionId home,
      Provider source,
      String mediaType,
      byte[] body,
      HeldEvents later) {
    String sha256 = sha256(body);
    Optional<ImportJob> earlier = jobs.findBySha256(user, sha256, home);
    if (earlier.isPresent()) {
      return resume(earlier.get(), body, home, later);
    }
    Instant now = clock.instant();
    ImportId id = ImportId.next(now, random);
    String key = originalKey(user, id);
    objects.put(key, body, mediaType);
    ImportJob job =
        ImportJob.received(id, user, source, mediaType, key, sha256, (long) body.length, now);
    try {
      jobs.create(job, home);
    } catch (VersionConflictException raced) {
      // The same file arrived twice at once: the other request's import answers both.
      objects.delete(key);
      return jobs.findBySha256(user, sha256, home).orElseThrow(() -> raced);
    }
    return process(job, body, home, later);
  }

  /**
   * The earlier import of the same bytes: answered when it has its outcome, finished when a crash
   * left it processing; one still awaiting its upload takes these bytes as that upload.
   */
  private ImportJob resume(ImportJob earlier, byte[] body, RegionId home, HeldEvents later) {
    if (earlier.status().isFinal()) {
      return earlier;
    }
    if (earlier.status() == ImportStatus.AWAITING_UPLOAD) {
      objects.put(earlier.originalKey(), body, earlier.format());
    }
    return process(earlier, body, home, later);
  }

  /** The bucket key of an import's raw original. */
  static String originalKey(UserId user, ImportId id) {
    return originalsFolder(user) + id.value();
  }

  /**
   * The folder holding every raw original of {@code user}, uploaded or fetched from a provider:
   * {@code originals/<userId>/}.
   */
  static String originalsFolder(UserId user) {
    return "originals/" + user.value() + "/";
  }

  /** The import {@code id} of {@code user}. */
  public ImportJob status(UserId user, RegionId home, ImportId id) {
    guard.requireHome(home);
    return jobs.find(user, id, home)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "You have no import " + id + "."));
  }

  private ImportJob process(ImportJob job, byte[] body, RegionId home, HeldEvents later) {
    try {
      return run.ingest(job, decoder.decode(job.format(), body), home, later);
    } catch (ActivityDecoder.Rejected rejected) {
      return run.fail(job, rejected.failure(), home);
    }
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
