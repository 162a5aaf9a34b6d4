package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.activity.v1.ActivityUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The activity events as published: training numbers only, in the events module's records. */
class CloudActivityEventsTest {
  private static final Instant START = Instant.parse("2026-11-26T07:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-26T19:30:00Z");

  private final CloudActivityEvents events = new CloudActivityEvents(new RegionId("eu"));

  @Test
  void updated_carriesTheNewNumbersAndTheUpdatedProvider_butNoHeartRateNorDevice() {
    ActivitySource strava =
        new ActivitySource(Provider.STRAVA, "1234567", null, "Garmin fenix 7", START);
    ActivitySource polar = new ActivitySource(Provider.POLAR, "p-1", null, null, START);
    Activity activity =
        Activity.imported(
                ActivityId.next(START, new Random(1)),
                new UserId("usr_anna"),
                run(Sport.RUNNING),
                strava,
                null,
                START)
            .withSource(polar, null, null, START);
    Activity updated = activity.withUpdatedData(run(Sport.HIKING), null, LATER);

    OutboundEvent event = events.updated(updated, Provider.STRAVA);

    String json = new String(event.json(), StandardCharsets.UTF_8);
    CloudEvent<ActivityUpdated> decoded = new EventCodec().decode(json, ActivityUpdated.EVENT_TYPE);
    assertThat(event.type()).isEqualTo("app.stride.activity.v1.updated");
    assertThat(decoded.source()).isEqualTo("/stride/eu/devices");
    assertThat(decoded.subject()).isEqualTo("usr_anna");
    assertThat(decoded.data())
        .isEqualTo(
            new ActivityUpdated(
                updated.id().value(),
                "usr_anna",
                "eu",
                3,
                "hiking",
                START,
                "+01:00",
                3000,
                2940,
                10_000.0,
                null,
                List.of("strava", "polar"),
                "strava",
                LATER));
    assertThat(json).doesNotContain("fenix", "HeartRate", "heartRate", "latitude");
  }

  private static ActivityData run(Sport sport) {
    return new ActivityData(
        sport,
        START,
        ZoneOffset.ofHours(1),
        Duration.ofMinutes(50),
        Duration.ofMinutes(49),
        10_000.0,
        null,
        new SummaryStats(150, 178, null, null, null, null, null),
        List.of(),
        List.of(),
        "Garmin fenix 7");
  }
}
