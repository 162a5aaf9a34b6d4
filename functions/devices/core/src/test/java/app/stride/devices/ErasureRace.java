package app.stride.devices;

import app.stride.core.http.ApiRequest;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the erasure-race tests against the real stores share (the cloud modules' {@code
 * *ErasureRaceIT}): markers that let the whole erasure run between a write's first check and its
 * writes, an upload request and a deletion event.
 */
public final class ErasureRace {
  private ErasureRace() {}

  /** Erased accounts that run an erasure once, right after a check has read its answer. */
  public static final class Markers implements ErasedAccounts {
    private final ErasedAccounts markers;
    private Runnable afterCheck = () -> {};
    private Runnable beforeCheck = () -> {};

    /** Answers from {@code markers}, the store's own. */
    public Markers(ErasedAccounts markers) {
      this.markers = Objects.requireNonNull(markers, "markers");
    }

    /** Runs {@code erasure} once, right after the next check has read its answer. */
    public void eraseRightAfterNextCheck(Runnable erasure) {
      afterCheck = erasure;
    }

    /** Runs {@code look} before every check reads its answer: what the stores held then. */
    public void beforeEachCheck(Runnable look) {
      beforeCheck = Objects.requireNonNull(look, "look");
    }

    @Override
    public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home) {
      markers.markErased(userId, erasedAt, expiresAt, home);
    }

    @Override
    public boolean isErased(UserId userId, RegionId home) {
      beforeCheck.run();
      boolean erased = markers.isErased(userId, home);
      Runnable once = afterCheck;
      afterCheck = () -> {};
      once.run();
      return erased;
    }

    @Override
    public List<UserId> erasedSince(Instant since, int limit) {
      return markers.erasedSince(since, limit);
    }
  }

  /** {@code user}'s upload of {@code gpx}; the test's token verifier takes the token as the id. */
  public static ApiRequest upload(String user, String gpx) {
    return new ApiRequest(
        "POST",
        "/v1/activities/imports",
        Map.of(),
        Map.of("Authorization", "Bearer " + user, "Content-Type", "application/gpx+xml"),
        gpx.getBytes(StandardCharsets.UTF_8),
        "203.0.113.9",
        "req-" + UUID.randomUUID());
  }

  /**
   * The queued {@code app.stride.user.v1.deleted} event of {@code user}, homed in {@code region}.
   */
  public static QueueMessage deleted(String user, String region) {
    byte[] event =
        new EventCodec()
            .encodeToBytes(UserDeleted.event("ev-" + user, region, user, Instant.now()));
    return new QueueMessage("m-" + user, event, Map.of(), 1);
  }

  /** {@link GpxFixtures#aTrack()}, {@code day} days after its start (one user's runs apart). */
  public static String gpx(int day) {
    return GpxFixtures.aTrack().start(GpxFixtures.START.plus(Duration.ofDays(day))).build();
  }
}
