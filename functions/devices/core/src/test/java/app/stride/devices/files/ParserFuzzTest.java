package app.stride.devices.files;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.devices.files.xml.TcxFixtures;
import app.stride.devices.files.zip.ZipFixtures;
import com.garmin.fit.CRC;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated valid files (byte flips, truncations, insertions) fed to every parser: each either
 * returns every activity of the file, complete, or fails with an {@link ActivityFileException} of a
 * known code; no other exception (which would be a 5xx) and no partial result.
 *
 * <p>Property-based in the plain JUnit way: a seeded generator per try, so every run checks the
 * same mutations and a failure is reproduced from the seed it names. (jqwik, the library the issue
 * suggests, prints a notice that its author does not want it used by AI agents; it was removed out
 * of respect for that wish.)
 */
class ParserFuzzTest {
  /**
   * Mutations per format: enough to find the bugs this suite found, quick enough for every build.
   */
  private static final int TRIES = 300;

  private static final Set<String> CODES =
      Set.of(
          "corrupt-file",
          "truncated-file",
          "unsupported-format",
          "unsafe-xml",
          "unsafe-archive",
          "file-too-large",
          "no-activity",
          "implausible-activity");

  private static final byte[] FIT = FitFixtures.aRun().records(61).build();
  private static final byte[] GPX = utf8(GpxFixtures.aTrack().points(20).build());
  private static final byte[] TCX = utf8(TcxFixtures.anActivity().build());
  private static final byte[] ZIP =
      ZipFixtures.aZip()
          .entry("a.fit", FitFixtures.aRide().records(31).build())
          .entry("b.gpx", GpxFixtures.aTrack().points(10).build())
          .build();
  private static final byte[] APPLE =
      ZipFixtures.aZip()
          .entry(
              "apple_health_export/export.xml",
              ZipFixtures.appleExport(
                  "<Workout workoutActivityType=\"HKWorkoutActivityTypeWalking\" duration=\"20\""
                      + " durationUnit=\"min\" totalDistance=\"2\" totalDistanceUnit=\"km\""
                      + " startDate=\"2024-05-01 07:00:00 +0200\""
                      + " endDate=\"2024-05-01 07:25:00 +0200\"><WorkoutRoute>"
                      + "<FileReference path=\"/workout-routes/r.gpx\"/></WorkoutRoute></Workout>",
                  "<Workout workoutActivityType=\"HKWorkoutActivityTypeYoga\" duration=\"30\""
                      + " durationUnit=\"min\" startDate=\"2024-05-02 07:00:00 +0200\""
                      + " endDate=\"2024-05-02 07:30:00 +0200\"/>"))
          .entry(
              "apple_health_export/workout-routes/r.gpx", GpxFixtures.aTrack().points(10).build())
          .build();

  @Test
  void fit_mutations() {
    fuzz(MediaTypes.FIT, FIT, 1, 101, false);
  }

  @Test
  void fit_mutationsWithRepairedCrc_reachTheDecoder() {
    fuzz(MediaTypes.FIT, FIT, 1, 102, true);
  }

  @Test
  void gpx_mutations() {
    fuzz(MediaTypes.GPX, GPX, 1, 103, false);
  }

  @Test
  void tcx_mutations() {
    fuzz(MediaTypes.TCX, TCX, 1, 104, false);
  }

  @Test
  void zip_mutations() {
    fuzz(MediaTypes.ZIP, ZIP, 2, 105, false);
  }

  @Test
  void appleHealthExport_mutations() {
    fuzz(MediaTypes.ZIP, APPLE, 2, 106, false);
  }

  /**
   * {@value #TRIES} mutations of {@code valid}, each drawn from its own seed ({@code base} * 1000 +
   * try): a failure names the seed, so {@link #mutation} reproduces it exactly.
   */
  private static void fuzz(String type, byte[] valid, int activities, long base, boolean crc) {
    for (int i = 0; i < TRIES; i++) {
      long seed = base * 1000 + i;
      byte[] file = mutation(valid, new SplittableRandom(seed));
      byte[] input = crc ? withRepairedCrc(file) : file;
      try {
        assertCompleteOrFailure(type, input, activities);
      } catch (AssertionError e) {
        throw new AssertionError("mutation seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** One mutation: up to 8 byte flips, a truncation, or an insertion of up to 32 random bytes. */
  static byte[] mutation(byte[] valid, SplittableRandom random) {
    switch (random.nextInt(3)) {
      case 0 -> {
        byte[] copy = valid.clone();
        int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips; f++) {
          copy[random.nextInt(valid.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return copy;
      }
      case 1 -> {
        return Arrays.copyOf(valid, random.nextInt(valid.length));
      }
      default -> {
        int at = random.nextInt(valid.length);
        byte[] inserted = new byte[1 + random.nextInt(32)];
        random.nextBytes(inserted);
        byte[] copy = new byte[valid.length + inserted.length];
        System.arraycopy(valid, 0, copy, 0, at);
        System.arraycopy(inserted, 0, copy, at, inserted.length);
        System.arraycopy(valid, at, copy, at + inserted.length, valid.length - at);
        return copy;
      }
    }
  }

  private static void assertCompleteOrFailure(String type, byte[] file, int activities) {
    List<ActivityData> result;
    try {
      result = ActivityFiles.parse(type, new ByteArrayInputStream(file), ImportLimits.DEFAULT);
    } catch (ActivityFileException e) {
      assertThat(CODES).contains(e.code());
      assertThat(e.failure().detail()).isNotBlank();
      return;
    } catch (Exception e) {
      throw new AssertionError("a parser threw something other than ActivityFileException", e);
    }
    assertThat(result).hasSize(activities).doesNotContainNull();
    for (ActivityData a : result) {
      assertThat(a.moving()).isLessThanOrEqualTo(a.elapsed());
      assertThat(a.elapsed().isNegative()).isFalse();
    }
  }

  /** Rewrites a mutated FIT file's trailing CRC so the mutation reaches the decoder. */
  private static byte[] withRepairedCrc(byte[] file) {
    if (file.length < 16) {
      return file;
    }
    byte[] copy = file.clone();
    int crc = 0;
    for (int i = 0; i < copy.length - 2; i++) {
      crc = CRC.get16(crc, copy[i]);
    }
    copy[copy.length - 2] = (byte) crc;
    copy[copy.length - 1] = (byte) (crc >> 8);
    return copy;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
