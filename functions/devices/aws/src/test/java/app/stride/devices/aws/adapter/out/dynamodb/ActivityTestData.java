package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.core.event.OutboundEvent;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.domain.StreamId;
import app.stride.devices.domain.SummaryStats;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Test data builders for activities, imports and events. */
public final class ActivityTestData {
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final RandomGenerator RANDOM = new SecureRandom();

  private ActivityTestData() {}

  /** An activity of Ana's, built by the returned builder. */
  public static Builder anActivity() {
    return new Builder();
  }

  /** An {@code imported} event about {@code user}'s activities. */
  public static OutboundEvent anEvent(String user) {
    String id = UUID.randomUUID().toString();
    return new OutboundEvent(
        id,
        "app.stride.activity.v1.imported",
        "users/" + user + "/activities",
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** A new stream id, as a stream write gets one. */
  static StreamId aStream() {
    return StreamId.next(NOW, RANDOM);
  }

  static String aSha256() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static ImportJob anImport(String user, String sha256, Instant at) {
    ImportId id = ImportId.next(at, RANDOM);
    return ImportJob.received(
        id,
        new UserId(user),
        Provider.UPLOAD,
        "application/fit",
        "originals/" + user + "/" + id,
        sha256,
        at);
  }

  /** Builds an activity imported at {@link #NOW} from one source, with three samples. */
  public static final class Builder {
    private String user = "ana";
    private Instant start = Instant.parse("2026-03-14T06:30:00Z");
    private Duration elapsed = Duration.ofMinutes(50);
    private Sport sport = Sport.RUNNING;
    private Provider provider = Provider.GARMIN;
    private String externalId = UUID.randomUUID().toString();

    /** Of {@code user}. */
    public Builder of(String user) {
      this.user = user;
      return this;
    }

    Builder doing(Sport sport) {
      this.sport = sport;
      return this;
    }

    Builder startingAt(Instant start) {
      this.start = start;
      return this;
    }

    Builder lasting(Duration elapsed) {
      this.elapsed = elapsed;
      return this;
    }

    Builder from(Provider provider, String externalId) {
      this.provider = provider;
      this.externalId = externalId;
      return this;
    }

    ActivityData data() {
      return new ActivityData(
          sport,
          start,
          ZoneOffset.ofHours(1),
          elapsed,
          elapsed.minusSeconds(60),
          10_000.0,
          85.5,
          new SummaryStats(150, 178, 172, null, null, 3.4, 4.1),
          List.of(
              new Lap(start, Duration.ofMinutes(25), 5_000.0),
              new Lap(start.plus(Duration.ofMinutes(25)), elapsed.minusMinutes(25), null)),
          List.of(
              new Sample(start, 52.52, 13.405, 34.0, 120, 160, null, 2.9, 0.0),
              new Sample(start.plusSeconds(1), 52.5201, 13.4051, 34.2, 122, 162, null, 3.0, 3.0),
              new Sample(start.plusSeconds(2), null, null, null, 124, null, null, null, 6.0)),
          "Garmin fenix 7");
    }

    ActivitySource source() {
      return new ActivitySource(provider, externalId, null, "Garmin fenix 7", NOW);
    }

    /** The activity. */
    public Activity build() {
      return Activity.imported(
          ActivityId.next(start, RANDOM), new UserId(user), data(), source(), aStream(), NOW);
    }
  }
}
