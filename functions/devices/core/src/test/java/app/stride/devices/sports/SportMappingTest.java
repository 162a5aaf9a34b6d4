package app.stride.devices.sports;

import static app.stride.devices.domain.Sport.CYCLING;
import static app.stride.devices.domain.Sport.HIKING;
import static app.stride.devices.domain.Sport.OTHER;
import static app.stride.devices.domain.Sport.ROWING;
import static app.stride.devices.domain.Sport.RUNNING;
import static app.stride.devices.domain.Sport.STRENGTH;
import static app.stride.devices.domain.Sport.SWIMMING;
import static app.stride.devices.domain.Sport.WALKING;
import static app.stride.devices.domain.Sport.YOGA;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SportMappingTest {

  @Test
  void fit_sportFirst_thenSubSport() {
    assertThat(SportMapping.fromFit("RUNNING", "TRAIL")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromFit("E_BIKING", null)).isEqualTo(CYCLING);
    assertThat(SportMapping.fromFit("TRAINING", "YOGA")).isEqualTo(YOGA);
    assertThat(SportMapping.fromFit("TRAINING", "STRENGTH_TRAINING")).isEqualTo(STRENGTH);
    assertThat(SportMapping.fromFit("FITNESS_EQUIPMENT", "TREADMILL")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromFit("FITNESS_EQUIPMENT", "ELLIPTICAL")).isEqualTo(OTHER);
    assertThat(SportMapping.fromFit("GOLF", "GENERIC")).isEqualTo(OTHER);
    assertThat(SportMapping.fromFit(null, null)).isEqualTo(OTHER);
  }

  @Test
  void gpxTypes_ofStravaGarminAndFreeText() {
    assertThat(SportMapping.fromGpxType("running")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromGpxType("Ride")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromGpxType("road_biking")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromGpxType("TrailRun")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromGpxType("9")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromGpxType("Evening hike with dog")).isEqualTo(HIKING);
    assertThat(SportMapping.fromGpxType("bike to run")).isEqualTo(OTHER);
    assertThat(SportMapping.fromGpxType("kayaking")).isEqualTo(OTHER);
    assertThat(SportMapping.fromGpxType("")).isEqualTo(OTHER);
  }

  @Test
  void tcx() {
    assertThat(SportMapping.fromTcx("Running")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromTcx("Biking")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromTcx("Other")).isEqualTo(OTHER);
  }

  @Test
  void providerApis() {
    assertThat(SportMapping.fromStrava("VirtualRide")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromStrava("WeightTraining")).isEqualTo(STRENGTH);
    assertThat(SportMapping.fromStrava("Kitesurf")).isEqualTo(OTHER);
    assertThat(SportMapping.fromGarmin("TREADMILL_RUNNING")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromGarmin("OPEN_WATER_SWIMMING")).isEqualTo(SWIMMING);
    assertThat(SportMapping.fromPolar("OTHER", "NORDIC_WALKING")).isEqualTo(WALKING);
    assertThat(SportMapping.fromPolar("CYCLING", "SOMETHING_NEW")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromSuuntoId(1)).isEqualTo(RUNNING);
    assertThat(SportMapping.fromSuuntoName("TrailRunning")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromWahoo(22)).isEqualTo(ROWING);
    assertThat(SportMapping.fromWahoo(47)).isEqualTo(OTHER);
    assertThat(SportMapping.fromCoros(9, 1)).isEqualTo(CYCLING);
  }

  @Test
  void googleHealthExerciseTypes_theV4Enum_andNewValuesByTheirWords() {
    assertThat(SportMapping.fromGoogleHealth("RUNNING")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromGoogleHealth("WALKING")).isEqualTo(WALKING);
    assertThat(SportMapping.fromGoogleHealth("BIKING")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromGoogleHealth("SWIMMING")).isEqualTo(SWIMMING);
    assertThat(SportMapping.fromGoogleHealth("HIKING")).isEqualTo(HIKING);
    assertThat(SportMapping.fromGoogleHealth("BACKPACKING")).isEqualTo(HIKING);
    assertThat(SportMapping.fromGoogleHealth("YOGA")).isEqualTo(YOGA);
    assertThat(SportMapping.fromGoogleHealth("WEIGHTLIFTING")).isEqualTo(STRENGTH);
    assertThat(SportMapping.fromGoogleHealth("STRENGTH_TRAINING")).isEqualTo(STRENGTH);
    for (String other :
        new String[] {"PILATES", "WORKOUT", "HIIT", "OTHER", "EXERCISE_TYPE_UNSPECIFIED", ""}) {
      assertThat(SportMapping.fromGoogleHealth(other)).as(other).isEqualTo(OTHER);
    }
    assertThat(SportMapping.fromGoogleHealth(null)).isEqualTo(OTHER);
    assertThat(SportMapping.fromGoogleHealth("MOUNTAIN_BIKING")).isEqualTo(CYCLING);
    assertThat(SportMapping.fromGoogleHealth("ROWING_MACHINE")).isEqualTo(ROWING);
  }

  @Test
  void appPlatforms_byNameAndValue() {
    assertThat(SportMapping.fromHealthKit("HKWorkoutActivityTypeRunning")).isEqualTo(RUNNING);
    assertThat(SportMapping.fromHealthKit("traditionalStrengthTraining")).isEqualTo(STRENGTH);
    assertThat(SportMapping.fromHealthKit(52)).isEqualTo(WALKING);
    assertThat(SportMapping.fromHealthKit(3000)).isEqualTo(OTHER);
    assertThat(SportMapping.fromHealthConnect("EXERCISE_TYPE_BIKING_STATIONARY"))
        .isEqualTo(CYCLING);
    assertThat(SportMapping.fromHealthConnect(74)).isEqualTo(SWIMMING);
    assertThat(SportMapping.fromHealthConnect(0)).isEqualTo(OTHER);
  }
}
