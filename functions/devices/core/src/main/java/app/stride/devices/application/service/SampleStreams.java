package app.stride.devices.application.service;

import app.stride.core.json.Json;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.StreamId;
import app.stride.devices.domain.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of a sample stream: gzip-compressed JSON, one array per measurement (columns
 * compress far better than rows: a 2-hour run at 1 Hz is about 60 KB instead of 700 KB). Times are
 * milliseconds since the first sample.
 *
 * <p>Where it is kept: every stream write has an object of its own in the region's bucket, {@code
 * samples/<userId>/<activityId>/<streamId>} ({@link #key(UserId, ActivityId, StreamId)}), and the
 * activity records the stream id it shows. An activity stored before stream ids were recorded has
 * its stream in the one object activities had then, {@code samples/<userId>/<activityId>} ({@link
 * #legacyKey}). Both lie under {@code samples/<userId>/}, so whatever removes a user's streams by
 * that prefix removes either.
 */
final class SampleStreams {
  static final String CONTENT_TYPE = "application/json";
  private static final String[] COLUMNS = {"lat", "lon", "alt", "hr", "cad", "pow", "spd", "dst"};

  private SampleStreams() {}

  /** The key of {@code activity}'s sample stream, or empty when it has no samples. */
  static Optional<String> key(Activity activity) {
    if (activity.sampleCount() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        activity.streamId() == null
            ? legacyKey(activity.userId(), activity.id())
            : key(activity.userId(), activity.id(), activity.streamId()));
  }

  /** The key of the stream write {@code stream} of {@code user}'s activity {@code id}. */
  static String key(UserId user, ActivityId id, StreamId stream) {
    return legacyKey(user, id) + "/" + stream.value();
  }

  /**
   * The key of the one stream object of an activity stored without a stream id, which every stream
   * write of it overwrote (there are none in production; kept so that such an activity still
   * reads).
   */
  static String legacyKey(UserId user, ActivityId id) {
    return userFolder(user) + id.value();
  }

  /** The folder holding every stream of {@code user}: {@code samples/<userId>/}. */
  static String userFolder(UserId user) {
    return "samples/" + user.value() + "/";
  }

  static byte[] encode(List<Sample> samples) {
    ObjectNode root = Json.mapper().createObjectNode();
    long start = samples.isEmpty() ? 0 : samples.get(0).time().toEpochMilli();
    root.put("start", start);
    ArrayNode t = root.putArray("t");
    ArrayNode[] columns = new ArrayNode[COLUMNS.length];
    for (int c = 0; c < COLUMNS.length; c++) {
      columns[c] = root.putArray(COLUMNS[c]);
    }
    for (Sample s : samples) {
      t.add(s.time().toEpochMilli() - start);
      add(columns[0], s.latitude());
      add(columns[1], s.longitude());
      add(columns[2], s.altitudeMeters());
      add(columns[3], s.heartRate());
      add(columns[4], s.cadence());
      add(columns[5], s.powerWatts());
      add(columns[6], s.speedMetersPerSecond());
      add(columns[7], s.distanceMeters());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(Json.toBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<Sample> decode(byte[] stored) {
    JsonNode root;
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      root = Json.mapper().readTree(gzip.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long start = root.path("start").asLong();
    JsonNode t = root.path("t");
    List<Sample> samples = new ArrayList<>(t.size());
    for (int i = 0; i < t.size(); i++) {
      samples.add(
          new Sample(
              Instant.ofEpochMilli(start + t.get(i).asLong()),
              dbl(root, "lat", i),
              dbl(root, "lon", i),
              dbl(root, "alt", i),
              integer(root, "hr", i),
              integer(root, "cad", i),
              integer(root, "pow", i),
              dbl(root, "spd", i),
              dbl(root, "dst", i)));
    }
    return samples;
  }

  private static void add(ArrayNode column, Double value) {
    if (value == null) {
      column.addNull();
    } else {
      column.add(value);
    }
  }

  private static void add(ArrayNode column, Integer value) {
    if (value == null) {
      column.addNull();
    } else {
      column.add(value);
    }
  }

  private static Double dbl(JsonNode root, String column, int i) {
    JsonNode v = root.path(column).path(i);
    return v.isNumber() ? v.asDouble() : null;
  }

  private static Integer integer(JsonNode root, String column, int i) {
    JsonNode v = root.path(column).path(i);
    return v.isNumber() ? v.asInt() : null;
  }
}
