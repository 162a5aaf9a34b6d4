package app.stride.devices.files.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ActivityFileException;
import com.garmin.fit.SubSport;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FitParserTest {

  private static ActivityData parse(byte[] bytes) throws ActivityFileException {
    return FitParser.parse(bytes);
  }

  @Nested
  class ValidFiles {
    @Test
    void run_hasTheSessionsValues() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().build());

      assertThat(a.sport()).isEqualTo(Sport.RUNNING);
      assertThat(a.startTime()).isEqualTo(FitFixtures.START);
      assertThat(a.utcOffset()).isEqualTo(ZoneOffset.ofHours(2));
      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(600));
      assertThat(a.moving()).isEqualTo(Duration.ofSeconds(600));
      assertThat(a.distanceMeters()).isCloseTo(1800.0, within(0.01));
      assertThat(a.elevationGainMeters()).isEqualTo(42.0);
      assertThat(a.stats().averageHeartRate()).isEqualTo(150);
      assertThat(a.stats().maxHeartRate()).isEqualTo(160);
      assertThat(a.stats().averageCadence()).isEqualTo(85);
      assertThat(a.stats().averageSpeedMetersPerSecond()).isCloseTo(3.0, within(0.001));
      assertThat(a.device()).isEqualTo("Garmin Fenix5");
    }

    @Test
    void run_hasLapsAndOneSamplePerRecord() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().build());

      assertThat(a.laps()).hasSize(2);
      assertThat(a.laps().get(0).start()).isEqualTo(FitFixtures.START);
      assertThat(a.laps().get(0).elapsed()).isEqualTo(Duration.ofSeconds(300));
      assertThat(a.laps().get(1).distanceMeters()).isCloseTo(900.0, within(0.01));
      assertThat(a.samples()).hasSize(601);
      Sample first = a.samples().get(0);
      assertThat(first.time()).isEqualTo(FitFixtures.START);
      assertThat(first.latitude()).isCloseTo(45.0, within(1e-6));
      assertThat(first.longitude()).isCloseTo(7.5, within(1e-6));
      assertThat(first.altitudeMeters()).isCloseTo(100.0, within(0.2));
      assertThat(first.heartRate()).isEqualTo(140);
      assertThat(first.cadence()).isEqualTo(85);
      assertThat(first.speedMetersPerSecond()).isCloseTo(3.0, within(0.001));
      assertThat(a.samples().get(600).distanceMeters()).isCloseTo(1800.0, within(0.01));
    }

    @Test
    void ride_mapsSportAndPower() throws Exception {
      ActivityData a = parse(FitFixtures.aRide().build());

      assertThat(a.sport()).isEqualTo(Sport.CYCLING);
      assertThat(a.stats().averagePowerWatts()).isEqualTo(205);
      assertThat(a.stats().maxPowerWatts()).isEqualTo(210);
      assertThat(a.samples().get(3).powerWatts()).isEqualTo(203);
    }

    @Test
    void subSportDecides_whenTheSportIsGeneric() throws Exception {
      byte[] file =
          FitFixtures.aRun()
              .sport(com.garmin.fit.Sport.FITNESS_EQUIPMENT, SubSport.INDOOR_ROWING)
              .build();

      assertThat(parse(file).sport()).isEqualTo(Sport.ROWING);
    }

    @Test
    void missingTotalAscent_isComputedFromAltitude() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().totalAscent(null).build());

      // altitude rises 0.07 m/s over 600 s = 42 m; the 3 m hysteresis counts whole steps only
      assertThat(a.elevationGainMeters()).isBetween(39.0, 42.0);
    }

    @Test
    void withoutAltitude_theGainIsUnknown() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().totalAscent(null).withoutAltitude().build());

      assertThat(a.elevationGainMeters()).isNull();
    }

    @Test
    void negativeOffset_isRead() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().offset(ZoneOffset.ofHoursMinutes(-3, -30)).build());

      assertThat(a.utcOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
    }

    @Test
    void multiSessionFile_importsTheFirstSessionOnly() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().sessions(2).build());

      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(300));
      assertThat(a.distanceMeters()).isCloseTo(900.0, within(0.01));
      assertThat(a.samples()).hasSize(301);
      assertThat(a.samples().get(300).time()).isEqualTo(FitFixtures.START.plusSeconds(300));
    }

    @Test
    void recordsWithoutSession_becomeAnActivityFromTheSamples() throws Exception {
      ActivityData a = parse(FitFixtures.aRun().withoutSession().build());

      assertThat(a.sport()).isEqualTo(Sport.OTHER);
      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(600));
      assertThat(a.distanceMeters()).isCloseTo(1800.0, within(0.01));
      assertThat(a.stats().averageHeartRate()).isEqualTo(150);
      assertThat(a.laps()).isEmpty();
    }
  }

  @Nested
  class BadFiles {
    @Test
    void truncatedFile_isRefusedAsTruncated() {
      byte[] file = FitFixtures.aRun().build();
      byte[] truncated = Arrays.copyOf(file, file.length - 100);

      assertThatThrownBy(() -> parse(truncated))
          .isInstanceOfSatisfying(
              ActivityFileException.class,
              e -> {
                assertThat(e.code()).isEqualTo("truncated-file");
                assertThat(e.failure().detail()).contains("ends after");
              });
    }

    @Test
    void fileCutInsideItsHeader_isTruncated() {
      byte[] cut = Arrays.copyOf(FitFixtures.aRun().build(), 9);

      assertThatThrownBy(() -> parse(cut)).satisfies(e -> assertCode(e, "truncated-file"));
    }

    @Test
    void emptyFile_isTruncated() {
      assertThatThrownBy(() -> parse(new byte[0])).satisfies(e -> assertCode(e, "truncated-file"));
    }

    @Test
    void corruptSignature_isRefusedAsCorrupt() {
      byte[] file = FitFixtures.aRun().build();
      file[9] = 'G';

      assertThatThrownBy(() -> parse(file))
          .satisfies(
              e -> {
                assertCode(e, "corrupt-file");
                assertThat(((ActivityFileException) e).failure().detail()).contains("signature");
              });
    }

    @Test
    void corruptHeaderSize_isRefusedAsCorrupt() {
      byte[] file = FitFixtures.aRun().build();
      file[0] = 13;

      assertThatThrownBy(() -> parse(file)).satisfies(e -> assertCode(e, "corrupt-file"));
    }

    @Test
    void headerCrcMismatch_isRefusedAsCorrupt() {
      byte[] file = FitFixtures.aRun().build();
      assertThat(file[0]).isEqualTo((byte) 14);
      file[12] ^= 0x01;
      if (file[12] == 0 && file[13] == 0) {
        file[13] = 1;
      }

      assertThatThrownBy(() -> parse(file))
          .satisfies(
              e -> {
                assertCode(e, "corrupt-file");
                assertThat(((ActivityFileException) e).failure().detail()).contains("header CRC");
              });
    }

    @Test
    void flippedDataByte_failsTheCrc() {
      byte[] file = FitFixtures.aRun().build();
      file[file.length / 2] ^= 0x40;

      assertThatThrownBy(() -> parse(file))
          .satisfies(
              e -> {
                assertCode(e, "corrupt-file");
                assertThat(((ActivityFileException) e).failure().detail()).contains("CRC mismatch");
              });
    }

    @Test
    void chainedFileWithBadHeader_isRefusedAsCorrupt() {
      byte[] file = FitFixtures.aRun().build();
      byte[] chained = Arrays.copyOf(file, file.length * 2);
      System.arraycopy(file, 0, chained, file.length, file.length);
      chained[file.length + 8] = 'X';

      assertThatThrownBy(() -> parse(chained))
          .satisfies(
              e -> {
                assertCode(e, "corrupt-file");
                assertThat(((ActivityFileException) e).failure().detail())
                    .contains("chained FIT file 2");
              });
    }

    @Test
    void textFile_isNotFit() {
      byte[] text = "this is not a FIT file at all, just text".getBytes();

      assertThatThrownBy(() -> parse(text)).satisfies(e -> assertCode(e, "corrupt-file"));
    }
  }

  static void assertCode(Throwable e, String code) {
    assertThat(e).isInstanceOf(ActivityFileException.class);
    assertThat(((ActivityFileException) e).code()).isEqualTo(code);
  }
}
