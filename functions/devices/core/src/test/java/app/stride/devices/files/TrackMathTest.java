package app.stride.devices.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackMathTest {
  private static final Instant T0 = Instant.parse("2024-05-01T06:00:00Z");

  private static Sample at(int second, double lat, Double altitude) {
    return new Sample(T0.plusSeconds(second), lat, 0.0, altitude, null, null, null, null, null);
  }

  @Test
  void haversine_oneDegreeOfLatitude_isAbout111km() {
    assertThat(TrackMath.haversineMeters(0, 0, 1, 0)).isCloseTo(111_195.0, within(5.0));
    assertThat(TrackMath.haversineMeters(51.5007, -0.1246, 40.6892, -74.0445))
        .isCloseTo(5_574_840.0, within(6_000.0));
  }

  @Test
  void distance_isNotCountedAcrossSegmentBreaks() {
    List<Sample> a = List.of(at(0, 0.0, null), at(10, 0.001, null));
    List<Sample> b = List.of(at(100, 0.01, null), at(110, 0.011, null));

    assertThat(TrackMath.distanceMeters(List.of(a, b)))
        .isCloseTo(2 * TrackMath.haversineMeters(0, 0, 0.001, 0), within(0.01));
  }

  @Test
  void movingTime_leavesOutSlowIntervalsAndLongGaps() {
    List<Sample> s = new ArrayList<>();
    for (int t = 0; t <= 60; t++) { // 60 s at ~3 m/s
      s.add(at(t, t * 3 / 111_195.0, null));
    }
    double stop = 180 / 111_195.0;
    for (int t = 61; t <= 90; t++) { // 30 s standing
      s.add(at(t, stop, null));
    }
    s.add(at(120, stop + 90 / 111_195.0, null)); // a 30 s gap, even though it covers ground

    assertThat(TrackMath.movingTime(List.of(s))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void movingTime_sparseTrack_gapLimitFollowsTheMedianInterval() {
    List<Sample> s = new ArrayList<>();
    for (int i = 0; i <= 10; i++) { // a point every 30 s at 2 m/s
      s.add(at(i * 30, i * 60 / 111_195.0, null));
    }

    assertThat(TrackMath.movingTime(List.of(s))).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void elevationGain_ignoresNoiseBelowTheHysteresis() {
    List<Sample> noisy = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      noisy.add(at(i, 0, 100.0 + (i % 2 == 0 ? 0 : 2.0)));
    }
    List<Sample> climb = List.of(at(0, 0, 100.0), at(1, 0, 98.0), at(2, 0, 110.0));

    assertThat(TrackMath.elevationGainMeters(noisy)).isEqualTo(0.0);
    assertThat(TrackMath.elevationGainMeters(climb)).isEqualTo(10.0);
    assertThat(TrackMath.elevationGainMeters(List.of(at(0, 0, null)))).isNull();
  }
}
