package app.stride.devices.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Imports files and app uploads: keeps the raw original in the region's bucket, records the import,
 * decodes it and hands each activity to {@link ActivityIngest} (which merges duplicates).
 *
 * <p>Idempotent per file: the import is keyed by the original's SHA-256, so the same file sent
 * again answers the first import; an import left {@code processing} by a crash is finished by the
 * next attempt, and each activity's source ({@code upload} + hash + position in the file) is
 * claimed once, so a retry never imports a file's activities twice.
 */
public final class ImportService {
  private final ImportJobStore jobs;
  private final ObjectStore objects;
  private final ActivityDecoder decoder;
  private final ActivityIngest ingest;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final RandomGenerator random;

  public ImportService(
      ImportJobStore jobs,
      ObjectStore objects,
      ActivityDecoder decoder,
      ActivityIngest ingest,
      RegionId servingRegion,
      Clock clock,
      RandomGenerator random) {
    this.jobs = jobs;
    this.objects = objects;
    this.decoder = decoder;
    this.ingest = ingest;
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
    this.random = random;
  }

  /**
   * Imports one uploaded file (or answers the import of the same file before).
   *
   * @param source {@link Provider#UPLOAD} for a file; the app's platform for an app upload
   */
  public ImportJob importFile(
      UserId user, RegionId home, Provider source, String mediaType, byte[] body) {
    guard.requireHome(home);
    String sha256 = sha256(body);
    Optional<ImportJob> earlier = jobs.findBySha256(user, sha256, home);
    if (earlier.isPresent()) {
      return earlier.get().status() == ImportStatus.PROCESSING
          ? process(earlier.get(), body, home)
          : earlier.get();
    }
    Instant now = clock.instant();
    ImportId id = ImportId.next(now, random);
    String key = "originals/" + user.value() + "/" + id.value();
    objects.put(key, body, mediaType);
    ImportJob job = ImportJob.received(id, user, source, mediaType, key, sha256, now);
    try {
      jobs.create(job, home);
    } catch (VersionConflictException raced) {
      // The same file arrived twice at once: the other request's import answers both.
      objects.delete(key);
      return jobs.findBySha256(user, sha256, home).orElseThrow(() -> raced);
    }
    return process(job, body, home);
  }

  /** The import {@code id} of {@code user}. */
  public ImportJob status(UserId user, RegionId home, ImportId id) {
    guard.requireHome(home);
    return jobs.find(user, id, home)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "You have no import " + id + "."));
  }

  private ImportJob process(ImportJob job, byte[] body, RegionId home) {
    List<ActivityData> decoded;
    try {
      decoded = decoder.decode(job.format(), body);
    } catch (ActivityDecoder.Rejected rejected) {
      ImportJob failed = job.failed(rejected.failure(), clock.instant());
      jobs.update(failed, home);
      return failed;
    }
    List<ActivityId> activities = new ArrayList<>();
    for (int i = 0; i < decoded.size(); i++) {
      ActivityData data = decoded.get(i);
      ActivitySource source =
          new ActivitySource(
              job.provider(), uploadId(job.sha256(), i), job.id(), data.device(), clock.instant());
      ActivityId id = ingest.ingest(job.userId(), home, data, source).activityId();
      if (!activities.contains(id)) {
        activities.add(id);
      }
    }
    ImportJob done = job.done(activities, clock.instant());
    jobs.update(done, home);
    return done;
  }

  /** The external id of a file's {@code index}-th activity: stable for the same file. */
  static String uploadId(String sha256, int index) {
    return "sha256:" + sha256.substring(0, 40) + "#" + index;
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
