package app.stride.devices.files.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ActivityFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpxParserTest {

  static ActivityData parse(String gpx) throws Exception {
    return GpxParser.parse(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.UTF_8)));
  }

  static ActivityFileException failure(String gpx) {
    try {
      parse(gpx);
    } catch (ActivityFileException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an ActivityFileException", e);
    }
    throw new AssertionError("expected the parse to fail");
  }

  @Nested
  class Values {
    @Test
    void track_hasDistanceDurationSportAndSensorValues() throws Exception {
      ActivityData a = parse(GpxFixtures.aTrack().build());

      assertThat(a.sport()).isEqualTo(Sport.RUNNING);
      assertThat(a.startTime()).isEqualTo(GpxFixtures.START);
      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(600));
      assertThat(a.moving()).isEqualTo(Duration.ofSeconds(600));
      assertThat(a.distanceMeters()).isCloseTo(1800.0, within(18.0));
      assertThat(a.samples()).hasSize(121);
      assertThat(a.stats().averageHeartRate()).isEqualTo(141);
      assertThat(a.stats().maxHeartRate()).isEqualTo(142);
      assertThat(a.stats().averageCadence()).isEqualTo(88);
      assertThat(a.stats().averagePowerWatts()).isEqualTo(201);
      assertThat(a.samples().get(1).heartRate()).isEqualTo(141);
      assertThat(a.samples().get(2).powerWatts()).isEqualTo(202);
      assertThat(a.utcOffset()).isNull();
      assertThat(a.device()).isEqualTo("StrideTest");
    }

    @Test
    void elevationGain_isTheClimbAboveTheHysteresis() throws Exception {
      // 0.5 m per point over 120 steps: 60 m
      assertThat(parse(GpxFixtures.aTrack().build()).elevationGainMeters())
          .isCloseTo(60.0, within(3.0));
    }

    @Test
    void missingElevations_leaveTheGainUnknown() throws Exception {
      ActivityData a = parse(GpxFixtures.aTrack().withoutElevations().build());

      assertThat(a.elevationGainMeters()).isNull();
      assertThat(a.samples()).allSatisfy(s -> assertThat(s.altitudeMeters()).isNull());
      assertThat(a.distanceMeters()).isCloseTo(1800.0, within(18.0));
    }

    @Test
    void pause_isNotMovingTime() throws Exception {
      ActivityData a = parse(GpxFixtures.aTrack().pauseAfter(60, 300).build());

      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(900));
      // the one 305 s interval spanning the pause is a gap: neither it nor its 5 s of motion count
      assertThat(a.moving()).isEqualTo(Duration.ofSeconds(595));
    }

    @Test
    void gpx10_speedElementIsRead() throws Exception {
      ActivityData a = parse(GpxFixtures.aTrack().version10().build());

      assertThat(a.samples().get(0).speedMetersPerSecond()).isEqualTo(3.0);
      assertThat(a.stats().maxSpeedMetersPerSecond()).isEqualTo(3.0);
      assertThat(a.distanceMeters()).isCloseTo(1800.0, within(18.0));
    }

    @Test
    void stravaAndGarminTypes_mapToSports() throws Exception {
      assertThat(parse(GpxFixtures.aTrack().type("Ride").build()).sport()).isEqualTo(Sport.CYCLING);
      assertThat(parse(GpxFixtures.aTrack().type("trail_running").build()).sport())
          .isEqualTo(Sport.RUNNING);
      assertThat(parse(GpxFixtures.aTrack().type(null).build()).sport()).isEqualTo(Sport.OTHER);
    }

    @Test
    void timesWithAnOffset_giveTheUtcOffset() throws Exception {
      String gpx =
          GpxFixtures.aTrack()
              .points(3)
              .build()
              .replace("2024-05-01T06:00:00Z", "2024-05-01T08:00:00+02:00");

      ActivityData a = parse(gpx);

      assertThat(a.startTime()).isEqualTo(GpxFixtures.START);
      assertThat(a.utcOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }
  }

  @Nested
  class AwkwardInput {
    @Test
    void byteOrderMark_isAccepted() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      bytes.write(GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8));

      ActivityData a = GpxParser.parse(new ByteArrayInputStream(bytes.toByteArray()));

      assertThat(a.samples()).hasSize(121);
    }

    @Test
    void emptySegment_isSkipped() throws Exception {
      ActivityData a = parse(GpxFixtures.aTrack().withEmptySegment().build());

      assertThat(a.samples()).hasSize(121);
      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void missingTimes_failBecauseNoDurationCanBeKnown() {
      ActivityFileException e = failure(GpxFixtures.aTrack().withoutTimes().build());

      assertThat(e.code()).isEqualTo("no-activity");
      assertThat(e.failure().detail()).contains("no times");
    }

    @Test
    void noTrackPoints_isNoActivity() {
      ActivityFileException e = failure(GpxFixtures.aTrack().points(0).build());

      assertThat(e.code()).isEqualTo("no-activity");
    }

    @Test
    void outOfRangeLatitude_isCorrupt() {
      String gpx = GpxFixtures.aTrack().build().replaceFirst("lat=\"46.0\"", "lat=\"146.0\"");

      assertThat(failure(gpx).code()).isEqualTo("corrupt-file");
    }

    @Test
    void malformedXml_isCorrupt_withoutEchoingContent() {
      String gpx = GpxFixtures.aTrack().build().replace("</trkseg>", "</trkseg-SECRET-TEXT>");

      ActivityFileException e = failure(gpx);

      assertThat(e.code()).isEqualTo("corrupt-file");
      assertThat(e.failure().detail()).doesNotContain("SECRET");
    }

    @Test
    void truncatedDocument_isCorrupt() {
      String gpx = GpxFixtures.aTrack().build();

      assertThat(failure(gpx.substring(0, gpx.length() / 2)).code()).isEqualTo("corrupt-file");
    }

    @Test
    void otherXml_isNotGpx() {
      assertThat(failure("<?xml version=\"1.0\"?><html><body/></html>").code())
          .isEqualTo("corrupt-file");
    }
  }

  @Nested
  class Attacks {
    @Test
    void externalEntity_isRefused_andTheFileNeverAppears(@TempDir Path dir) throws Exception {
      Path secret = dir.resolve("secret.txt");
      Files.writeString(secret, "TOP-SECRET-4711");
      String gpx =
          GpxFixtures.aTrack()
              .points(2)
              .build()
              .replace(
                  "<gpx ",
                  "<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<gpx ")
              .replace("<name>Morning run</name>", "<name>&xxe;</name>");

      ActivityFileException e = failure(gpx);

      assertThat(e.code()).isEqualTo("unsafe-xml");
      assertThat(e.failure().detail()).doesNotContain("TOP-SECRET");
      assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughs_isRefusedQuickly() {
      StringBuilder dtd = new StringBuilder("<!DOCTYPE gpx [<!ENTITY lol0 \"lol\">");
      for (int i = 1; i < 10; i++) {
        dtd.append("<!ENTITY lol")
            .append(i)
            .append(" \"")
            .append(("&lol" + (i - 1) + ";").repeat(10))
            .append("\">");
      }
      dtd.append("]>\n");
      String gpx =
          GpxFixtures.aTrack()
              .points(2)
              .build()
              .replace("<gpx ", dtd + "<gpx ")
              .replace("<name>Morning run</name>", "<name>&lol9;</name>");
      long start = System.nanoTime();

      ActivityFileException e = failure(gpx);

      assertThat(e.code()).isEqualTo("unsafe-xml");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anyDoctype_isRefused() {
      String gpx = GpxFixtures.aTrack().points(2).build().replace("<gpx ", "<!DOCTYPE gpx>\n<gpx ");

      assertThat(failure(gpx).code()).isEqualTo("unsafe-xml");
    }
  }
}
