package app.stride.devices.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.devices.application.port.out.PresignedUpload;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.SummaryStats;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON resources of the devices routes ({@code ActivityImport}, {@code Activity}). */
final class ActivityJson {
  static final String IMPORT_PROBLEM_TYPE = "https://stride.app/problems/import-failed";

  private ActivityJson() {}

  static ObjectNode importResource(ImportJob job) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("importId", job.id().value());
    node.put("status", job.status().wire());
    node.put("format", job.format());
    node.put("source", job.provider().wire());
    if (job.size() != null) {
      node.put("size", job.size().longValue());
    }
    ArrayNode ids = node.putArray("activityIds");
    job.activityIds().forEach(id -> ids.add(id.value()));
    if (job.failure() != null) {
      ObjectNode problem = node.putObject("problem");
      problem.put("type", IMPORT_PROBLEM_TYPE);
      problem.put("reason", job.failure().code());
      problem.put("detail", job.failure().detail());
    }
    node.put("createdAt", job.createdAt().toString());
    node.put("updatedAt", job.updatedAt().toString());
    return node;
  }

  /** A presigned upload: where and how the client puts the file. */
  static ObjectNode uploadResource(PresignedUpload upload) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("url", upload.url().toString());
    node.put("method", upload.method());
    ObjectNode headers = node.putObject("headers");
    new TreeMap<>(upload.headers()).forEach(headers::put);
    node.put("expiresAt", upload.expiresAt().toString());
    return node;
  }

  static ObjectNode activityResource(Activity activity, List<Sample> samples) {
    ActivityData d = activity.data();
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("activityId", activity.id().value());
    node.put("sport", d.sport().wire());
    node.put("startTime", d.startTime().toString());
    if (d.utcOffset() != null) {
      node.put("utcOffset", d.utcOffset().getId());
    }
    node.put("elapsedSeconds", seconds(d.elapsed()));
    node.put("movingSeconds", seconds(d.moving()));
    putIfPresent(node, "distanceMeters", d.distanceMeters());
    putIfPresent(node, "elevationGainMeters", d.elevationGainMeters());
    SummaryStats s = d.stats();
    putIfPresent(node, "averageHeartRate", s.averageHeartRate());
    putIfPresent(node, "maxHeartRate", s.maxHeartRate());
    putIfPresent(node, "averageCadence", s.averageCadence());
    putIfPresent(node, "averagePowerWatts", s.averagePowerWatts());
    putIfPresent(node, "maxPowerWatts", s.maxPowerWatts());
    putIfPresent(node, "averageSpeedMetersPerSecond", s.averageSpeedMetersPerSecond());
    putIfPresent(node, "maxSpeedMetersPerSecond", s.maxSpeedMetersPerSecond());
    if (d.device() != null) {
      node.put("device", d.device());
    }
    ArrayNode laps = node.putArray("laps");
    for (Lap lap : d.laps()) {
      ObjectNode l = laps.addObject();
      l.put("startTime", lap.start().toString());
      l.put("elapsedSeconds", seconds(lap.elapsed()));
      putIfPresent(l, "distanceMeters", lap.distanceMeters());
    }
    ArrayNode sources = node.putArray("sources");
    for (ActivitySource source : activity.sources()) {
      ObjectNode src = sources.addObject();
      src.put("provider", source.provider().wire());
      if (source.externalId() != null && !source.externalId().startsWith("sha256:")) {
        src.put("externalId", source.externalId());
      }
      if (source.importId() != null) {
        src.put("importId", source.importId().value());
      }
      if (source.device() != null) {
        src.put("device", source.device());
      }
      src.put("receivedAt", source.receivedAt().toString());
    }
    node.put("sampleCount", activity.sampleCount());
    if (samples != null) {
      ArrayNode array = node.putArray("samples");
      for (Sample sample : samples) {
        ObjectNode p = array.addObject();
        p.put("time", sample.time().toString());
        putIfPresent(p, "latitude", sample.latitude());
        putIfPresent(p, "longitude", sample.longitude());
        putIfPresent(p, "altitudeMeters", sample.altitudeMeters());
        putIfPresent(p, "heartRate", sample.heartRate());
        putIfPresent(p, "cadence", sample.cadence());
        putIfPresent(p, "powerWatts", sample.powerWatts());
        putIfPresent(p, "speedMetersPerSecond", sample.speedMetersPerSecond());
        putIfPresent(p, "distanceMeters", sample.distanceMeters());
      }
    }
    node.put("version", activity.version());
    node.put("importedAt", activity.importedAt().toString());
    node.put("updatedAt", activity.updatedAt().toString());
    return node;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static void putIfPresent(ObjectNode node, String name, Double value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putIfPresent(ObjectNode node, String name, Integer value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
