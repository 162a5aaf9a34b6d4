package app.stride.devices.application.service;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ActivityEvents;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.activity.v1.ActivityImported;
import app.stride.events.activity.v1.ActivityMerged;
import app.stride.events.activity.v1.ActivityUpdated;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The {@code app.stride.activity.v1.imported|merged|updated} CloudEvents of the events module,
 * carrying the training numbers only (no heart rate, positions or device names: those stay in the
 * home region).
 */
public final class CloudActivityEvents implements ActivityEvents {
  private final EventCodec codec = new EventCodec();
  private final RegionId region;

  public CloudActivityEvents(RegionId region) {
    this.region = region;
  }

  @Override
  public OutboundEvent imported(Activity a) {
    ActivityData d = a.data();
    ActivityImported data =
        new ActivityImported(
            a.id().value(),
            a.userId().value(),
            region.value(),
            a.version(),
            d.sport().wire(),
            d.startTime(),
            offset(d.utcOffset()),
            seconds(d),
            d.moving().toMillis() / 1000.0,
            d.distanceMeters(),
            d.elevationGainMeters(),
            sources(a),
            a.updatedAt());
    String id = UUID.randomUUID().toString();
    return outbound(id, ActivityImported.TYPE, a, ActivityImported.event(id, data));
  }

  @Override
  public OutboundEvent merged(Activity a, Provider added) {
    ActivityData d = a.data();
    ActivityMerged data =
        new ActivityMerged(
            a.id().value(),
            a.userId().value(),
            region.value(),
            a.version(),
            d.sport().wire(),
            d.startTime(),
            offset(d.utcOffset()),
            seconds(d),
            d.moving().toMillis() / 1000.0,
            d.distanceMeters(),
            d.elevationGainMeters(),
            sources(a),
            added.wire(),
            a.updatedAt());
    String id = UUID.randomUUID().toString();
    return outbound(id, ActivityMerged.TYPE, a, ActivityMerged.event(id, data));
  }

  @Override
  public OutboundEvent updated(Activity a, Provider updated) {
    ActivityData d = a.data();
    ActivityUpdated data =
        new ActivityUpdated(
            a.id().value(),
            a.userId().value(),
            region.value(),
            a.version(),
            d.sport().wire(),
            d.startTime(),
            offset(d.utcOffset()),
            seconds(d),
            d.moving().toMillis() / 1000.0,
            d.distanceMeters(),
            d.elevationGainMeters(),
            sources(a),
            updated.wire(),
            a.updatedAt());
    String id = UUID.randomUUID().toString();
    return outbound(id, ActivityUpdated.TYPE, a, ActivityUpdated.event(id, data));
  }

  private OutboundEvent outbound(String id, String type, Activity a, CloudEvent<?> event) {
    return new OutboundEvent(id, type, a.userId().value(), codec.encodeToBytes(event));
  }

  private static double seconds(ActivityData d) {
    return d.elapsed().toMillis() / 1000.0;
  }

  /** {@code ±HH:MM} (the schema's form; UTC is {@code +00:00}, never {@code Z}). */
  static String offset(ZoneOffset offset) {
    if (offset == null) {
      return null;
    }
    int total = offset.getTotalSeconds();
    int minutes = Math.abs(total) / 60;
    return String.format("%s%02d:%02d", total < 0 ? "-" : "+", minutes / 60, minutes % 60);
  }

  /** The distinct providers of the activity's sources, in arrival order. */
  private static List<String> sources(Activity a) {
    return a.sources().stream()
        .map(ActivitySource::provider)
        .map(Provider::wire)
        .distinct()
        .toList();
  }
}
