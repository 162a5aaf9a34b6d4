package app.stride.devices.files.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ActivityFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcxParserTest {

  static ActivityData parse(String tcx) throws Exception {
    return TcxParser.parse(new ByteArrayInputStream(tcx.getBytes(StandardCharsets.UTF_8)));
  }

  static ActivityFileException failure(String tcx) {
    try {
      parse(tcx);
    } catch (ActivityFileException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an ActivityFileException", e);
    }
    throw new AssertionError("expected the parse to fail");
  }

  @Test
  void activity_hasSportLapsAndTotals() throws Exception {
    ActivityData a = parse(TcxFixtures.anActivity().build());

    assertThat(a.sport()).isEqualTo(Sport.CYCLING);
    assertThat(a.startTime()).isEqualTo(TcxFixtures.START);
    assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(120));
    assertThat(a.moving()).isEqualTo(Duration.ofSeconds(120));
    assertThat(a.distanceMeters()).isEqualTo(480.0);
    assertThat(a.laps()).hasSize(2);
    assertThat(a.laps().get(1).start()).isEqualTo(TcxFixtures.START.plusSeconds(60));
    assertThat(a.laps().get(1).elapsed()).isEqualTo(Duration.ofSeconds(60));
    assertThat(a.laps().get(1).distanceMeters()).isEqualTo(240.0);
    assertThat(a.device()).isEqualTo("Edge 530");
  }

  @Test
  void trackpoints_giveSamplesWithSensorValues() throws Exception {
    ActivityData a = parse(TcxFixtures.anActivity().build());

    assertThat(a.samples()).hasSize(120);
    assertThat(a.samples().get(70).heartRate()).isEqualTo(160);
    assertThat(a.samples().get(70).cadence()).isEqualTo(90);
    assertThat(a.samples().get(70).powerWatts()).isEqualTo(220);
    assertThat(a.samples().get(70).speedMetersPerSecond()).isEqualTo(4.0);
    assertThat(a.samples().get(70).distanceMeters()).isEqualTo(280.0);
    assertThat(a.samples().get(0).latitude()).isCloseTo(46.0, within(1e-9));
    assertThat(a.stats().averageHeartRate()).isEqualTo(155);
    assertThat(a.stats().maxHeartRate()).isEqualTo(160);
    assertThat(a.stats().averagePowerWatts()).isEqualTo(200);
    assertThat(a.elevationGainMeters()).isCloseTo(11.9, within(3.0));
  }

  @Test
  void sports_running_biking_other() throws Exception {
    assertThat(parse(TcxFixtures.anActivity().sport("Running").build()).sport())
        .isEqualTo(Sport.RUNNING);
    assertThat(parse(TcxFixtures.anActivity().sport("Other").build()).sport())
        .isEqualTo(Sport.OTHER);
  }

  @Test
  void withoutAnyTime_isNoActivity() {
    String tcx =
        TcxFixtures.anActivity().withoutTimes().build().replaceAll(" StartTime=\"[^\"]*\"", "");

    assertThat(failure(tcx).code()).isEqualTo("no-activity");
  }

  @Test
  void noActivities_isNoActivity() {
    String tcx =
        "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
            + "<Courses/></TrainingCenterDatabase>";

    assertThat(failure(tcx).code()).isEqualTo("no-activity");
  }

  @Test
  void externalEntity_isRefused() {
    String tcx =
        TcxFixtures.anActivity()
            .build()
            .replace(
                "<TrainingCenterDatabase",
                "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<TrainingCenterDatabase")
            .replace("<Name>Edge 530</Name>", "<Name>&xxe;</Name>");

    ActivityFileException e = failure(tcx);

    assertThat(e.code()).isEqualTo("unsafe-xml");
    assertThat(e.failure().detail()).doesNotContain("root:");
  }

  @Test
  void truncated_isCorrupt() {
    String tcx = TcxFixtures.anActivity().build();

    assertThat(failure(tcx.substring(0, tcx.length() - 40)).code()).isEqualTo("corrupt-file");
  }
}
