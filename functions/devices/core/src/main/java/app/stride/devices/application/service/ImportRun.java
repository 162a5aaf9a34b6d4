package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step of every file import, in the request or in the worker: each decoded activity is
 * ingested under its source ({@code upload}/app + the file's hash + its position, claimed once, so
 * a retry never duplicates it) and the import's outcome recorded.
 */
final class ImportRun {
  private final ImportJobStore jobs;
  private final ActivityIngest ingest;
  private final Clock clock;

  ImportRun(ImportJobStore jobs, ActivityIngest ingest, Clock clock) {
    this.jobs = jobs;
    this.ingest = ingest;
    this.clock = clock;
  }

  /**
   * Ingests {@code decoded} (at least one activity) and marks {@code job} done; the activities'
   * events go to {@code later}.
   */
  ImportJob ingest(ImportJob job, List<ActivityData> decoded, RegionId home, HeldEvents later) {
    List<ActivityId> activities = new ArrayList<>();
    for (int i = 0; i < decoded.size(); i++) {
      ActivityData data = decoded.get(i);
      ActivitySource source =
          new ActivitySource(
              job.provider(), uploadId(job.sha256(), i), job.id(), data.device(), clock.instant());
      ActivityId id = ingest.ingest(job.userId(), home, data, source, later).activityId();
      if (!activities.contains(id)) {
        activities.add(id);
      }
    }
    ImportJob done = job.done(activities, clock.instant());
    jobs.update(done, home);
    return done;
  }

  /** Marks {@code job} failed for {@code why}. */
  ImportJob fail(ImportJob job, ImportFailure why, RegionId home) {
    ImportJob failed = job.failed(why, clock.instant());
    jobs.update(failed, home);
    return failed;
  }

  /** The external id of a file's {@code index}-th activity: stable for the same file. */
  static String uploadId(String sha256, int index) {
    return "sha256:" + sha256.substring(0, 40) + "#" + index;
  }
}
