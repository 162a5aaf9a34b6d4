package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.StreamId;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistence form of an activity: document {@code users/{userId}/activities/{activityId}} with
 * the attribute names of the DynamoDB item: {@code userId}, {@code activityId}, {@code sport},
 * {@code startTime} (ISO-8601 instant), {@code utcOffsetSeconds}, {@code elapsedMillis}, {@code
 * movingMillis}, {@code distanceMeters}, {@code elevationGainMeters}, the summary stats, {@code
 * laps} (list of {@code {start, elapsedMillis, distanceMeters}}), {@code device}, {@code sources}
 * (list of {@code {provider, externalId, importId, device, receivedAt}}), {@code dataSourceIndex}
 * (the position in {@code sources} of the source the data is the recording of; absent on documents
 * written before it was recorded, which read as 0, the first source), {@code sampleCount}, {@code
 * streamId}, {@code version}, {@code importedAt}, {@code updatedAt}, and {@code startKey} ({@code
 * <start, fixed-width UTC>#<activityId>}) that {@code startingBetween} ranges over. Absent values
 * are left out. No samples: the stream lives in object storage, in the object of the stream write
 * {@code streamId} ({@code samples/<userId>/<activityId>/<streamId>}); {@code streamId} is absent
 * when there are no samples, and on documents written before it was recorded, whose stream is at
 * {@code samples/<userId>/<activityId>}.
 *
 * <p>Outbox: {@code outbox} maps event id to {@code {type, subject, json, at}}; {@code outboxSince}
 * is the oldest pending entry's time and is absent when nothing is pending, so the relay's
 * collection-group query ordered by it finds exactly the documents with pending events.
 */
final class ActivityDocument {
  static final String USERS = "users";
  static final String COLLECTION = "activities";
  static final String START_KEY = "startKey";
  static final String VERSION = "version";
  static final String SOURCES = "sources";
  static final String DATA_SOURCE_INDEX = "dataSourceIndex";
  static final String STREAM_ID = "streamId";
  static final String OUTBOX = "outbox";
  static final String OUTBOX_SINCE = "outboxSince";

  /** Start instants in one width, so start keys sort as the instants do (see {@link #instant}). */
  private static final DateTimeFormatter FIXED_WIDTH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ActivityDocument() {}

  static Map<String, Object> fields(Activity a, Map<String, Map<String, Object>> outbox) {
    ActivityData d = a.data();
    SummaryStats s = d.stats();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("userId", a.userId().value());
    f.put("activityId", a.id().value());
    f.put(START_KEY, startKey(d.startTime(), a.id()));
    f.put("sport", d.sport().wire());
    f.put("startTime", d.startTime().toString());
    putIfSet(f, "utcOffsetSeconds", d.utcOffset() == null ? null : d.utcOffset().getTotalSeconds());
    f.put("elapsedMillis", d.elapsed().toMillis());
    f.put("movingMillis", d.moving().toMillis());
    putIfSet(f, "distanceMeters", d.distanceMeters());
    putIfSet(f, "elevationGainMeters", d.elevationGainMeters());
    putIfSet(f, "averageHeartRate", s.averageHeartRate());
    putIfSet(f, "maxHeartRate", s.maxHeartRate());
    putIfSet(f, "averageCadence", s.averageCadence());
    putIfSet(f, "averagePowerWatts", s.averagePowerWatts());
    putIfSet(f, "maxPowerWatts", s.maxPowerWatts());
    putIfSet(f, "averageSpeedMetersPerSecond", s.averageSpeedMetersPerSecond());
    putIfSet(f, "maxSpeedMetersPerSecond", s.maxSpeedMetersPerSecond());
    f.put("laps", d.laps().stream().map(ActivityDocument::lap).toList());
    putIfSet(f, "device", d.device());
    f.put(SOURCES, a.sources().stream().map(ActivityDocument::source).toList());
    f.put(DATA_SOURCE_INDEX, a.sources().indexOf(a.dataSource()));
    f.put("sampleCount", a.sampleCount());
    putIfSet(f, STREAM_ID, a.streamId() == null ? null : a.streamId().value());
    f.put(VERSION, a.version());
    f.put("importedAt", a.importedAt().toString());
    f.put("updatedAt", a.updatedAt().toString());
    withOutbox(f, outbox);
    return f;
  }

  @SuppressWarnings("unchecked")
  static Activity toDomain(Map<String, Object> f) {
    ActivityData data =
        new ActivityData(
            Sport.fromWire((String) f.get("sport")),
            Instant.parse((String) f.get("startTime")),
            f.get("utcOffsetSeconds") == null
                ? null
                : ZoneOffset.ofTotalSeconds(integer(f.get("utcOffsetSeconds"))),
            Duration.ofMillis(((Number) f.get("elapsedMillis")).longValue()),
            Duration.ofMillis(((Number) f.get("movingMillis")).longValue()),
            decimal(f.get("distanceMeters")),
            decimal(f.get("elevationGainMeters")),
            new SummaryStats(
                integer(f.get("averageHeartRate")),
                integer(f.get("maxHeartRate")),
                integer(f.get("averageCadence")),
                integer(f.get("averagePowerWatts")),
                integer(f.get("maxPowerWatts")),
                decimal(f.get("averageSpeedMetersPerSecond")),
                decimal(f.get("maxSpeedMetersPerSecond"))),
            listOf(f.get("laps")).stream().map(ActivityDocument::toLap).toList(),
            List.of(),
            (String) f.get("device"));
    List<ActivitySource> sources =
        listOf(f.get(SOURCES)).stream().map(ActivityDocument::toSource).toList();
    return new Activity(
        new ActivityId((String) f.get("activityId")),
        new UserId((String) f.get("userId")),
        data,
        integer(f.get("sampleCount")),
        f.get(STREAM_ID) == null ? null : new StreamId((String) f.get(STREAM_ID)),
        sources,
        dataSource(sources, integer(f.get(DATA_SOURCE_INDEX))),
        ((Number) f.get(VERSION)).longValue(),
        Instant.parse((String) f.get("importedAt")),
        Instant.parse((String) f.get("updatedAt")));
  }

  /**
   * The source at {@code index}; a document written before the data source was recorded has no
   * index and reads as its first source.
   */
  private static ActivitySource dataSource(List<ActivitySource> sources, Integer index) {
    int at = index == null ? 0 : index;
    if (at < 0 || at >= sources.size()) {
      throw new IllegalArgumentException(
          "dataSourceIndex " + at + " names none of the " + sources.size() + " sources");
    }
    return sources.get(at);
  }

  /** Whether stored fields list the provider record {@code provider}/{@code externalId}. */
  static boolean hasSource(Map<String, Object> f, Provider provider, String externalId) {
    return listOf(f.get(SOURCES)).stream()
        .anyMatch(
            s ->
                provider.wire().equals(s.get("provider"))
                    && externalId.equals(s.get("externalId")));
  }

  static String startKey(Instant start, ActivityId id) {
    return instant(start) + "#" + id.value();
  }

  /**
   * An instant as start keys begin, nanoseconds always written: {@code Instant.toString()} drops
   * zero fractions and would sort {@code 06:00:00.5Z} before {@code 06:00:00Z}.
   */
  static String instant(Instant at) {
    return FIXED_WIDTH.format(at);
  }

  /** The pending events of stored fields, by event id. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> outbox(Map<String, Object> fields) {
    Object outbox = fields.get(OUTBOX);
    return outbox == null
        ? new HashMap<>()
        : new HashMap<>((Map<String, Map<String, Object>>) outbox);
  }

  static Map<String, Object> entry(OutboundEvent event, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", event.type());
    e.put("subject", event.subject());
    e.put("json", new String(event.json(), StandardCharsets.UTF_8));
    e.put("at", timestamp(at));
    return e;
  }

  static OutboundEvent toEvent(String eventId, Map<String, Object> entry) {
    return new OutboundEvent(
        eventId,
        (String) entry.get("type"),
        (String) entry.get("subject"),
        ((String) entry.get("json")).getBytes(StandardCharsets.UTF_8));
  }

  /** The pending entries, oldest first. */
  static List<Map.Entry<String, Map<String, Object>>> oldestFirst(
      Map<String, Map<String, Object>> outbox) {
    return outbox.entrySet().stream()
        .sorted(Comparator.comparing(e -> (Timestamp) e.getValue().get("at")))
        .toList();
  }

  /** Sets (or, for an empty outbox, removes) {@code outbox} and {@code outboxSince}. */
  static void withOutbox(Map<String, Object> f, Map<String, Map<String, Object>> outbox) {
    f.remove(OUTBOX);
    f.remove(OUTBOX_SINCE);
    if (outbox.isEmpty()) {
      return;
    }
    f.put(OUTBOX, outbox);
    f.put(
        OUTBOX_SINCE,
        outbox.values().stream()
            .map(e -> (Timestamp) e.get("at"))
            .min(Comparator.naturalOrder())
            .orElseThrow());
  }

  static Timestamp timestamp(Instant at) {
    return Timestamp.ofTimeSecondsAndNanos(at.getEpochSecond(), at.getNano());
  }

  static Instant instant(Timestamp at) {
    return Instant.ofEpochSecond(at.getSeconds(), at.getNanos());
  }

  private static Map<String, Object> lap(Lap lap) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", lap.start().toString());
    m.put("elapsedMillis", lap.elapsed().toMillis());
    putIfSet(m, "distanceMeters", lap.distanceMeters());
    return m;
  }

  private static Lap toLap(Map<String, Object> m) {
    return new Lap(
        Instant.parse((String) m.get("start")),
        Duration.ofMillis(((Number) m.get("elapsedMillis")).longValue()),
        decimal(m.get("distanceMeters")));
  }

  private static Map<String, Object> source(ActivitySource s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", s.provider().wire());
    putIfSet(m, "externalId", s.externalId());
    putIfSet(m, "importId", s.importId() == null ? null : s.importId().value());
    putIfSet(m, "device", s.device());
    m.put("receivedAt", s.receivedAt().toString());
    return m;
  }

  private static ActivitySource toSource(Map<String, Object> m) {
    return new ActivitySource(
        Provider.fromWire((String) m.get("provider")),
        (String) m.get("externalId"),
        m.get("importId") == null ? null : new ImportId((String) m.get("importId")),
        (String) m.get("device"),
        Instant.parse((String) m.get("receivedAt")));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> listOf(Object stored) {
    return stored == null ? List.of() : (List<Map<String, Object>>) stored;
  }

  private static void putIfSet(Map<String, Object> f, String name, Object value) {
    if (value != null) {
      f.put(name, value);
    }
  }

  private static Double decimal(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
