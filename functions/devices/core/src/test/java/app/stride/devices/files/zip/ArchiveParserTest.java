package app.stride.devices.files.zip;

import static app.stride.devices.files.zip.ZipFixtures.aZip;
import static app.stride.devices.files.zip.ZipFixtures.appleExport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.ActivityFiles;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.devices.files.xml.TcxFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArchiveParserTest {
  private static final String RUN_WORKOUT =
      "<Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"30\""
          + " durationUnit=\"min\" totalDistance=\"5.2\" totalDistanceUnit=\"km\""
          + " sourceName=\"Alex's Apple Watch\" device=\"&lt;&lt;HKDevice: 0x1&gt;, name:Apple"
          + " Watch, manufacturer:Apple Inc.&gt;\" startDate=\"2024-05-01 07:00:00 +0200\""
          + " endDate=\"2024-05-01 07:35:00 +0200\">\n"
          + "<MetadataEntry key=\"HKElevationAscended\" value=\"4520 cm\"/>\n"
          + "<WorkoutRoute sourceName=\"Watch\" startDate=\"2024-05-01 07:00:00 +0200\""
          + " endDate=\"2024-05-01 07:35:00 +0200\">"
          + "<FileReference path=\"/workout-routes/route_2024-05-01_7.00am.gpx\"/>"
          + "</WorkoutRoute>\n</Workout>";

  private static final String RIDE_WORKOUT_NEW_FORMAT =
      "<Workout workoutActivityType=\"HKWorkoutActivityTypeCycling\" duration=\"3600\""
          + " durationUnit=\"s\" startDate=\"2024-05-02 18:00:00 -0400\""
          + " endDate=\"2024-05-02 19:10:00 -0400\">\n"
          + "<WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceCycling\""
          + " sum=\"20\" unit=\"mi\"/>\n"
          + "<WorkoutStatistics type=\"HKQuantityTypeIdentifierHeartRate\" average=\"131.4\""
          + " minimum=\"80\" maximum=\"171\" unit=\"count/min\"/>\n</Workout>";

  static List<ActivityData> parse(byte[] zip) throws Exception {
    return parse(zip, ImportLimits.DEFAULT);
  }

  static List<ActivityData> parse(byte[] zip, ImportLimits limits) throws Exception {
    return ActivityFiles.parse(MediaTypes.ZIP, new ByteArrayInputStream(zip), limits);
  }

  static ActivityFileException failure(byte[] zip, ImportLimits limits) {
    try {
      parse(zip, limits);
    } catch (ActivityFileException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an ActivityFileException", e);
    }
    throw new AssertionError("expected the parse to fail");
  }

  static ActivityFileException failure(byte[] zip) {
    return failure(zip, ImportLimits.DEFAULT);
  }

  @Nested
  class AppleHealth {
    @Test
    void export_givesOneActivityPerWorkout_withTheRouteJoined() throws Exception {
      byte[] zip =
          aZip()
              .entry("apple_health_export/export.xml", appleExport(RUN_WORKOUT))
              .entry(
                  "apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx",
                  GpxFixtures.aTrack().type(null).build())
              .build();

      ActivityData run = parse(zip).get(0);

      assertThat(run.sport()).isEqualTo(Sport.RUNNING);
      assertThat(run.startTime()).isEqualTo(Instant.parse("2024-05-01T05:00:00Z"));
      assertThat(run.utcOffset()).isEqualTo(ZoneOffset.ofHours(2));
      assertThat(run.elapsed()).isEqualTo(Duration.ofMinutes(35));
      assertThat(run.moving()).isEqualTo(Duration.ofMinutes(30));
      assertThat(run.distanceMeters()).isCloseTo(5200.0, within(0.001));
      assertThat(run.elevationGainMeters()).isCloseTo(45.2, within(0.001));
      assertThat(run.device()).isEqualTo("Apple Watch");
      assertThat(run.samples()).hasSize(121);
    }

    @Test
    void routeBeforeExportXml_isJoinedToo() throws Exception {
      byte[] zip =
          aZip()
              .entry(
                  "apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx",
                  GpxFixtures.aTrack().build())
              .entry("apple_health_export/export.xml", appleExport(RUN_WORKOUT))
              .build();

      assertThat(parse(zip)).singleElement().satisfies(a -> assertThat(a.samples()).hasSize(121));
    }

    @Test
    void newerExportFormat_readsDistanceAndHeartRateStatistics() throws Exception {
      byte[] zip =
          aZip()
              .entry(
                  "apple_health_export/export.xml",
                  appleExport(RUN_WORKOUT, RIDE_WORKOUT_NEW_FORMAT))
              .build();

      List<ActivityData> all = parse(zip);

      assertThat(all).hasSize(2);
      ActivityData ride = all.get(1);
      assertThat(ride.sport()).isEqualTo(Sport.CYCLING);
      assertThat(ride.utcOffset()).isEqualTo(ZoneOffset.ofHours(-4));
      assertThat(ride.distanceMeters()).isCloseTo(32186.88, within(0.01));
      assertThat(ride.moving()).isEqualTo(Duration.ofHours(1));
      assertThat(ride.stats().averageHeartRate()).isEqualTo(131);
      assertThat(ride.stats().maxHeartRate()).isEqualTo(171);
      assertThat(all.get(0).samples()).isEmpty();
    }

    @Test
    void exportWithEntityDeclarations_isRefused() {
      String xml =
          appleExport(RUN_WORKOUT)
              .replace("<!DOCTYPE HealthData [", "<!DOCTYPE HealthData [\n<!ENTITY a \"aaaa\">");

      ActivityFileException e = failure(aZip().entry("export.xml", xml).build());

      assertThat(e.code()).isEqualTo("unsafe-xml");
      assertThat(e.failure().detail()).startsWith("archive entry 1: ");
    }

    @Test
    void workoutEndingBeforeItStarts_isImplausible() {
      String broken =
          RIDE_WORKOUT_NEW_FORMAT.replace("2024-05-02 19:10:00 -0400", "2024-05-02 17:10:00 -0400");

      ActivityFileException e = failure(aZip().entry("export.xml", appleExport(broken)).build());

      assertThat(e.code()).isEqualTo("implausible-activity");
      assertThat(e.failure().detail()).startsWith("Apple Health workout 1: ");
    }
  }

  @Nested
  class Bundles {
    @Test
    void zipOfFiles_givesOneActivityPerFile() throws Exception {
      byte[] zip =
          aZip()
              .entry("rides/", new byte[0])
              .entry("rides/a.fit", FitFixtures.aRide().build())
              .entry("runs/b.GPX", GpxFixtures.aTrack().build())
              .entry("c.tcx", TcxFixtures.anActivity().build())
              .entry("notes.txt", "not an activity")
              .entry("inner.zip", aZip().entry("x.gpx", GpxFixtures.aTrack().build()).build())
              .build();

      List<ActivityData> all = parse(zip);

      assertThat(all)
          .extracting(ActivityData::sport)
          .containsExactly(Sport.CYCLING, Sport.RUNNING, Sport.CYCLING);
    }

    @Test
    void oneBadFile_failsTheWholeArchive_namingItsPositionOnly() {
      byte[] badFit = FitFixtures.aRun().build();
      badFit[badFit.length / 2] ^= 0x10;
      byte[] zip =
          aZip()
              .entry("good.gpx", GpxFixtures.aTrack().build())
              .entry("secret-name.fit", badFit)
              .build();

      ActivityFileException e = failure(zip);

      assertThat(e.code()).isEqualTo("corrupt-file");
      assertThat(e.failure().detail()).startsWith("archive entry 2: ").doesNotContain("secret");
    }

    @Test
    void archiveWithoutActivities_isNoActivity() {
      assertThat(failure(aZip().entry("readme.txt", "hello").build()).code())
          .isEqualTo("no-activity");
      assertThat(failure(aZip().build()).code()).isEqualTo("no-activity");
    }

    @Test
    void notAZip_isCorrupt() {
      assertThat(failure("plain text, not a zip".getBytes()).code()).isEqualTo("corrupt-file");
    }

    @Test
    void archiveCutShort_isRefused() {
      byte[] zip = aZip().entry("a.gpx", GpxFixtures.aTrack().build()).build();
      byte[] cut = java.util.Arrays.copyOf(zip, zip.length - 30);

      assertThat(failure(cut).code()).isIn("truncated-file", "corrupt-file");
    }

    @Test
    void damagedSecondEntryHeader_isNotAPartialResult() {
      byte[] first = GpxFixtures.aTrack().build().getBytes();
      byte[] zip =
          aZip().entry("a.gpx", first).entry("b.gpx", GpxFixtures.aTrack().build()).build();
      int second = indexOf(zip, new byte[] {'P', 'K', 3, 4}, 4);
      zip[second + 2] = 9;

      assertThat(failure(zip).code()).isEqualTo("corrupt-file");
    }
  }

  @Nested
  class Attacks {
    @Test
    void pathTraversalEntry_isRefused() {
      for (String name : List.of("../../etc/passwd", "a/../../b.gpx", "/etc/passwd", "a\\..\\b")) {
        byte[] zip = aZip().entry(name, GpxFixtures.aTrack().build()).build();

        ActivityFileException e = failure(zip);

        assertThat(e.code()).as(name).isEqualTo("unsafe-archive");
        assertThat(e.failure().detail()).doesNotContain("passwd");
      }
    }

    @Test
    void zipBomb_isRefusedByRatio_quickly() throws Exception {
      byte[] bomb = zeros("bomb.fit", 200L * 1024 * 1024);
      long start = System.nanoTime();

      ActivityFileException e = failure(bomb);

      assertThat(e.code()).isEqualTo("unsafe-archive");
      assertThat(e.failure().detail()).contains("times its compressed size");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void zipBombInASkippedEntry_isRefusedToo() throws Exception {
      assertThat(failure(zeros("payload.bin", 50L * 1024 * 1024)).code())
          .isEqualTo("unsafe-archive");
    }

    @Test
    void totalInflatedSize_isBounded() {
      byte[] noise = new byte[300 * 1024];
      new Random(7).nextBytes(noise);
      ZipFixtures zip = aZip();
      for (int i = 0; i < 5; i++) {
        zip.entry("n" + i + ".bin", noise);
      }
      ImportLimits limits = new ImportLimits(1 << 20, 64 << 20, 100, 1 << 20, 100, 100_000);

      ActivityFileException e = failure(zip.build(), limits);

      assertThat(e.code()).isEqualTo("unsafe-archive");
      assertThat(e.failure().detail()).contains("inflates to more than");
    }

    @Test
    void tooManyEntries_isRefused() {
      ZipFixtures zip = aZip();
      for (int i = 0; i < 6; i++) {
        zip.entry("f" + i + ".txt", "x");
      }
      ImportLimits limits = new ImportLimits(1 << 20, 1 << 20, 5, 1 << 20, 100, 100_000);

      ActivityFileException e = failure(zip.build(), limits);

      assertThat(e.code()).isEqualTo("unsafe-archive");
      assertThat(e.failure().detail()).contains("more than 5 entries");
    }

    @Test
    void samplesOfRoutesAndFilesTogether_areBounded_atTheLimitAccepted_oneMoreRefused()
        throws Exception {
      // 121 route points (held until the archive's end) + 100 points of a GPX file = 221
      byte[] zip =
          aZip()
              .entry(
                  "apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx",
                  GpxFixtures.aTrack().build())
              .entry("apple_health_export/export.xml", appleExport(RUN_WORKOUT))
              .entry("rides/ride.gpx", GpxFixtures.aTrack().points(100).build())
              .build();

      assertThat(parse(zip, samplesUpTo(221))).hasSize(2);
      ActivityFileException e = failure(zip, samplesUpTo(220));
      assertThat(e.code()).isEqualTo("file-too-large");
      assertThat(e.failure().detail())
          .isEqualTo(
              "archive entry 3: the archive holds more than 220 track points in all (workout"
                  + " routes and activity files together)");
    }

    @Test
    void aRouteAloneOverTheSampleLimit_isRefusedWhenItIsRead() {
      byte[] zip =
          aZip()
              .entry(
                  "apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx",
                  GpxFixtures.aTrack().build())
              .entry("apple_health_export/export.xml", appleExport(RUN_WORKOUT))
              .build();

      ActivityFileException e = failure(zip, samplesUpTo(120));

      assertThat(e.code()).isEqualTo("file-too-large");
      assertThat(e.failure().detail()).startsWith("archive entry 1: ");
    }

    private static ImportLimits samplesUpTo(long samples) {
      return new ImportLimits(1 << 20, 64 << 20, 100, 64 << 20, 100, samples);
    }

    @Test
    void entryOverTheFileLimit_isTooLarge() {
      byte[] zip = aZip().entry("big.gpx", GpxFixtures.aTrack().points(2000).build()).build();
      ImportLimits limits = new ImportLimits(64 * 1024, 64 << 20, 100, 64 << 20, 100, 100_000);

      assertThat(failure(zip, limits).code()).isEqualTo("file-too-large");
    }
  }

  private static byte[] zeros(String name, long size) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      byte[] block = new byte[1 << 20];
      for (long written = 0; written < size; written += block.length) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
