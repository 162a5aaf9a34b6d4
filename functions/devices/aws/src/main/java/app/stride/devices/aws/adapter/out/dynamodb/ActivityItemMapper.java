package app.stride.devices.aws.adapter.out.dynamodb;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maps between the domain {@link Activity} and its {@link ActivityItem}. Durations are kept in
 * milliseconds (sub-millisecond parts are dropped); instants as ISO-8601 strings.
 */
final class ActivityItemMapper {
  private ActivityItemMapper() {}

  static ActivityItem toItem(Activity a) {
    ActivityData d = a.data();
    SummaryStats s = d.stats();
    ActivityItem item = new ActivityItem();
    item.setUserId(a.userId().value());
    item.setSk(SortKeys.activity(a.id()));
    item.setActivityId(a.id().value());
    item.setStartKey(SortKeys.startKey(d.startTime(), a.id()));
    item.setSport(d.sport().wire());
    item.setStartTime(d.startTime().toString());
    item.setUtcOffsetSeconds(d.utcOffset() == null ? null : d.utcOffset().getTotalSeconds());
    item.setElapsedMillis(d.elapsed().toMillis());
    item.setMovingMillis(d.moving().toMillis());
    item.setDistanceMeters(d.distanceMeters());
    item.setElevationGainMeters(d.elevationGainMeters());
    item.setAverageHeartRate(s.averageHeartRate());
    item.setMaxHeartRate(s.maxHeartRate());
    item.setAverageCadence(s.averageCadence());
    item.setAveragePowerWatts(s.averagePowerWatts());
    item.setMaxPowerWatts(s.maxPowerWatts());
    item.setAverageSpeedMetersPerSecond(s.averageSpeedMetersPerSecond());
    item.setMaxSpeedMetersPerSecond(s.maxSpeedMetersPerSecond());
    item.setLaps(d.laps().stream().map(ActivityItemMapper::toItem).toList());
    item.setDevice(d.device());
    item.setSources(a.sources().stream().map(ActivityItemMapper::toItem).toList());
    item.setDataSourceIndex(a.sources().indexOf(a.dataSource()));
    item.setSampleCount(a.sampleCount());
    item.setStreamId(a.streamId() == null ? null : a.streamId().value());
    item.setVersion(a.version());
    item.setImportedAt(a.importedAt().toString());
    item.setUpdatedAt(a.updatedAt().toString());
    return item;
  }

  static Activity toDomain(ActivityItem item) {
    ActivityData data =
        new ActivityData(
            Sport.fromWire(item.getSport()),
            Instant.parse(item.getStartTime()),
            item.getUtcOffsetSeconds() == null
                ? null
                : ZoneOffset.ofTotalSeconds(item.getUtcOffsetSeconds()),
            Duration.ofMillis(item.getElapsedMillis()),
            Duration.ofMillis(item.getMovingMillis()),
            item.getDistanceMeters(),
            item.getElevationGainMeters(),
            new SummaryStats(
                item.getAverageHeartRate(),
                item.getMaxHeartRate(),
                item.getAverageCadence(),
                item.getAveragePowerWatts(),
                item.getMaxPowerWatts(),
                item.getAverageSpeedMetersPerSecond(),
                item.getMaxSpeedMetersPerSecond()),
            listOf(item.getLaps()).stream().map(ActivityItemMapper::toLap).toList(),
            List.of(),
            item.getDevice());
    List<ActivitySource> sources =
        listOf(item.getSources()).stream().map(ActivityItemMapper::toSource).toList();
    return new Activity(
        new ActivityId(item.getActivityId()),
        new UserId(item.getUserId()),
        data,
        item.getSampleCount(),
        item.getStreamId() == null ? null : new StreamId(item.getStreamId()),
        sources,
        dataSource(sources, item.getDataSourceIndex()),
        item.getVersion(),
        Instant.parse(item.getImportedAt()),
        Instant.parse(item.getUpdatedAt()));
  }

  /**
   * The source at {@code index}; an item written before the data source was recorded has no index
   * and reads as its first source.
   */
  private static ActivitySource dataSource(List<ActivitySource> sources, Integer index) {
    int at = index == null ? 0 : index;
    if (at < 0 || at >= sources.size()) {
      throw new IllegalArgumentException(
          "dataSourceIndex " + at + " names none of the " + sources.size() + " sources");
    }
    return sources.get(at);
  }

  /** Whether the stored item lists the provider record {@code provider}/{@code externalId}. */
  static boolean hasSource(ActivityItem item, Provider provider, String externalId) {
    return listOf(item.getSources()).stream()
        .anyMatch(
            s -> provider.wire().equals(s.getProvider()) && externalId.equals(s.getExternalId()));
  }

  private static LapItem toItem(Lap lap) {
    LapItem item = new LapItem();
    item.setStart(lap.start().toString());
    item.setElapsedMillis(lap.elapsed().toMillis());
    item.setDistanceMeters(lap.distanceMeters());
    return item;
  }

  private static Lap toLap(LapItem item) {
    return new Lap(
        Instant.parse(item.getStart()),
        Duration.ofMillis(item.getElapsedMillis()),
        item.getDistanceMeters());
  }

  private static SourceItem toItem(ActivitySource source) {
    SourceItem item = new SourceItem();
    item.setProvider(source.provider().wire());
    item.setExternalId(source.externalId());
    item.setImportId(source.importId() == null ? null : source.importId().value());
    item.setDevice(source.device());
    item.setReceivedAt(source.receivedAt().toString());
    return item;
  }

  private static ActivitySource toSource(SourceItem item) {
    return new ActivitySource(
        Provider.fromWire(item.getProvider()),
        item.getExternalId(),
        item.getImportId() == null ? null : new ImportId(item.getImportId()),
        item.getDevice(),
        Instant.parse(item.getReceivedAt()));
  }

  private static <T> List<T> listOf(List<T> stored) {
    return stored == null ? List.of() : stored;
  }
}
