package app.stride.devices.application.service;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityEvents;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.PresignedUpload;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stores for the use-case tests (logic only: the real adapters are tested against real
 * servers in the cloud modules).
 */
public final class MemoryStores
    implements ActivityStore, ImportJobStore, ObjectStore, ActivityEvents, ActivityOutboxPort {
  public final Map<String, Activity> activities = new LinkedHashMap<>();
  public final Map<String, ImportJob> jobs = new LinkedHashMap<>();

  /** Whether this bucket signs uploads, as a cloud bucket does. */
  public boolean signing = true;

  public final Map<String, byte[]> objects = new LinkedHashMap<>();
  public final List<OutboundEvent> events = new ArrayList<>();

  @Override
  public Optional<Activity> find(UserId userId, ActivityId id, RegionId home) {
    return Optional.ofNullable(activities.get(userId + "/" + id));
  }

  @Override
  public List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    return activities.values().stream()
        .filter(a -> a.userId().equals(userId))
        .filter(a -> !a.data().startTime().isBefore(from) && a.data().startTime().isBefore(to))
        .sorted(Comparator.comparing((Activity a) -> a.data().startTime()).reversed())
        .limit(DEDUP_SCAN_LIMIT)
        .toList();
  }

  @Override
  public Optional<Activity> findBySource(
      UserId userId, Provider provider, String externalId, RegionId home) {
    return activities.values().stream()
        .filter(a -> a.userId().equals(userId))
        .filter(
            a ->
                a.sources().stream()
                    .anyMatch(s -> s.provider() == provider && externalId.equals(s.externalId())))
        .findFirst();
  }

  @Override
  public void create(Activity activity, OutboundEvent pending, RegionId home) {
    if (activities.putIfAbsent(activity.userId() + "/" + activity.id(), activity) != null) {
      throw new VersionConflictException("exists");
    }
    events.add(pending);
    this.pending.add(pending.id());
  }

  @Override
  public void update(Activity activity, OutboundEvent pending, RegionId home) {
    String key = activity.userId() + "/" + activity.id();
    Activity stored = activities.get(key);
    if (stored == null || stored.version() != activity.version() - 1) {
      throw new VersionConflictException("changed");
    }
    activities.put(key, activity);
    events.add(pending);
    this.pending.add(pending.id());
  }

  @Override
  public int eraseActivities(UserId userId, RegionId home) {
    return removeUnder(activities, userId + "/");
  }

  @Override
  public int eraseImports(UserId userId, RegionId home) {
    return removeUnder(jobs, userId + "/");
  }

  private static int removeUnder(Map<String, ?> map, String prefix) {
    int before = map.size();
    map.keySet().removeIf(key -> key.startsWith(prefix));
    return before - map.size();
  }

  @Override
  public Optional<ImportJob> find(UserId userId, ImportId id, RegionId home) {
    return Optional.ofNullable(jobs.get(userId + "/" + id));
  }

  @Override
  public Optional<ImportJob> findBySha256(UserId userId, String sha256, RegionId home) {
    return jobs.values().stream()
        .filter(j -> j.userId().equals(userId) && j.sha256().equals(sha256))
        .filter(ImportJob::holdsHash)
        .findFirst();
  }

  @Override
  public void create(ImportJob job, RegionId home) {
    if (findBySha256(job.userId(), job.sha256(), home).isPresent()) {
      throw new VersionConflictException("same file");
    }
    jobs.put(job.userId() + "/" + job.id(), job);
  }

  @Override
  public void update(ImportJob job, RegionId home) {
    jobs.put(job.userId() + "/" + job.id(), job);
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    objects.put(key, bytes.clone());
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  @Override
  public void delete(String key) {
    objects.remove(key);
  }

  @Override
  public int deleteUnder(String prefix) {
    return removeUnder(objects, ObjectStore.requireFolder(prefix));
  }

  /** When set, every stream {@link #open} returns fails with this on its first read. */
  public IOException failReads;

  @Override
  public Optional<InputStream> open(String key) {
    IOException failure = failReads;
    if (failure == null) {
      return ObjectStore.super.open(key);
    }
    return get(key)
        .map(
            bytes ->
                new InputStream() {
                  @Override
                  public int read() throws IOException {
                    throw failure;
                  }
                });
  }

  /** The uploads signed so far, by key. */
  public final Map<String, PresignedUpload> signed = new LinkedHashMap<>();

  @Override
  public boolean signsUploads() {
    return signing;
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, long size, Duration lifetime) {
    PresignedUpload upload =
        new PresignedUpload(
            URI.create("https://bucket.test/" + key + "?signature=test"),
            "PUT",
            Map.of("Content-Type", contentType, "Content-Length", Long.toString(size)),
            Instant.parse("2026-09-27T12:15:00Z"));
    signed.put(key, upload);
    return upload;
  }

  /** Events published right after their write (the rest stay pending for the relay). */
  public final List<OutboundEvent> published = new ArrayList<>();

  /** Event ids still pending in the outbox. */
  public final List<String> pending = new ArrayList<>();

  @Override
  public void markPublished(UserId userId, ActivityId activityId, String eventId, RegionId home) {
    pending.remove(eventId);
  }

  /**
   * The pending events of activities still stored, oldest first: an activity's outbox goes with it,
   * as it does in the stores (the events sit on the activity's item or document).
   */
  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    return events.stream()
        .filter(event -> pending.contains(event.id()))
        .filter(event -> activities.containsKey(event.subject() + "/" + activityOf(event)))
        .map(
            event ->
                new PendingEvent(
                    new UserId(event.subject()), new ActivityId(activityOf(event)), event))
        .limit(limit)
        .toList();
  }

  private static String activityOf(OutboundEvent event) {
    return new String(event.json(), StandardCharsets.UTF_8);
  }

  /** A publisher recording into {@link #published}. */
  public void publish(OutboundEvent event) {
    published.add(event);
  }

  @Override
  public OutboundEvent imported(Activity activity) {
    return event("imported", activity);
  }

  @Override
  public OutboundEvent merged(Activity activity, Provider added) {
    return event("merged:" + added.wire(), activity);
  }

  @Override
  public OutboundEvent updated(Activity activity, Provider updated) {
    return event("updated:" + updated.wire(), activity);
  }

  private static OutboundEvent event(String type, Activity activity) {
    return new OutboundEvent(
        activity.id() + "@" + activity.version(),
        type,
        activity.userId().value(),
        activity.id().value().getBytes(StandardCharsets.UTF_8));
  }
}
