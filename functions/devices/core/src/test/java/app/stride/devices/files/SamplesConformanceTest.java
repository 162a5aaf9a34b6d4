package app.stride.devices.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.Sport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real files from devices and apps ({@code ../shared/samples} beside the repository, or {@code
 * -Dstride.samples.dir=DIR}): every FIT, GPX and TCX file there parses, the two broken FIT files
 * fail with their codes, the two waypoint-only GPX files are read to the end and found to hold no
 * activity, the fenix 5 samples match the records python-fitparse decoded, and each file's summary
 * agrees with what its own samples say within 1 %. Without the folder the suite aborts and says so
 * loudly (stderr and {@code target/NOT-RUN.txt}); it never passes silently.
 */
class SamplesConformanceTest {
  static final String PROPERTY = "stride.samples.dir";
  private static final Map<String, String> BROKEN =
      Map.of(
          "activity-unexpected-eof.fit", "truncated-file",
          "activity-settings-corruptheader.fit", "corrupt-file");

  /** GPX files holding a single waypoint and no track: read in full, but nothing to import. */
  private static final List<String> WAYPOINTS_ONLY =
      List.of("gpx1.1_with_extensions.gpx", "unicode_with_bom.gpx");

  private static final String RULE = "#".repeat(100);

  private static Path samples;

  @BeforeAll
  static void locateSamples() {
    Optional<Path> dir = locate();
    if (dir.isEmpty()) {
      reportNotRun();
      Assumptions.abort("sample files absent: see the NOT RUN banner and target/NOT-RUN.txt");
    }
    samples = dir.get();
  }

  @TestFactory
  Stream<DynamicTest> everySampleFile_parsesOrFailsAsDocumented() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(samples)) {
      files = walk.filter(SamplesConformanceTest::isActivityFile).sorted().toList();
    }
    assertThat(files).as("sample files found").hasSizeGreaterThanOrEqualTo(10);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(samples.relativize(f).toString(), () -> check(f)));
  }

  private static void check(Path file) throws Exception {
    String name = file.getFileName().toString();
    if (BROKEN.containsKey(name)) {
      assertThatThrownBy(() -> parse(file))
          .isInstanceOfSatisfying(
              ActivityFileException.class, e -> assertThat(e.code()).isEqualTo(BROKEN.get(name)));
      return;
    }
    if (WAYPOINTS_ONLY.contains(name)) {
      // no-activity (not corrupt-file) proves the document, BOM and extensions were read to the end
      assertThatThrownBy(() -> parse(file))
          .isInstanceOfSatisfying(
              ActivityFileException.class, e -> assertThat(e.code()).isEqualTo("no-activity"));
      return;
    }
    List<ActivityData> activities = parse(file);
    assertThat(activities).hasSize(1);
    ActivityData a = activities.get(0);
    assertThat(a.elapsed()).isPositive();
    assertThat(a.samples()).isNotEmpty();
    assertThat(a.startTime()).isBetween(Instant.parse("2000-01-01T00:00:00Z"), Instant.now());
    checkAgainstOwnSamples(a);
  }

  /** The summary agrees with the samples' own distance and time span within 1 %. */
  private static void checkAgainstOwnSamples(ActivityData a) {
    List<Sample> s = a.samples();
    Double recorded = null;
    for (int i = s.size() - 1; i >= 0 && recorded == null; i--) {
      recorded = s.get(i).distanceMeters();
    }
    if (a.distanceMeters() != null && recorded != null && recorded > 100) {
      assertThat(a.distanceMeters()).as("distance").isCloseTo(recorded, within(recorded * 0.01));
    }
    double span =
        java.time.Duration.between(s.get(0).time(), s.get(s.size() - 1).time()).toSeconds();
    if (span > 300) {
      assertThat((double) a.elapsed().toSeconds())
          .as("elapsed vs sample span")
          .isGreaterThanOrEqualTo(span * 0.99);
    }
  }

  @Test
  void fenix5_samplesMatchTheRecordsDecodedByFitparse() throws Exception {
    ActivityData a = parse(samples.resolve("fit/garmin-fenix-5-run.fit")).get(0);
    List<String> lines = Files.readAllLines(samples.resolve("fit/garmin-fenix-5-run-records.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",")).toList();
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);

    assertThat(a.sport()).isEqualTo(Sport.RUNNING);
    assertThat(a.samples()).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Sample sample = a.samples().get(i);
      Instant time = ZonedDateTime.parse(row[header.indexOf("timestamp")], format).toInstant();
      assertThat(sample.time()).as("time %d", i).isEqualTo(time);
      assertThat(sample.heartRate())
          .as("hr %d", i)
          .isEqualTo(Integer.valueOf(row[header.indexOf("heart_rate")]));
      assertThat(sample.cadence())
          .as("cadence %d", i)
          .isEqualTo(Integer.valueOf(row[header.indexOf("cadence")]));
      assertClose(sample.speedMetersPerSecond(), row[header.indexOf("speed")], 0.001, "speed", i);
      assertClose(sample.distanceMeters(), row[header.indexOf("distance")], 0.01, "distance", i);
      assertClose(sample.altitudeMeters(), row[header.indexOf("altitude")], 0.01, "altitude", i);
      assertClose(
          sample.latitude(), degrees(row[header.indexOf("position_lat")]), 1e-7, "latitude", i);
      assertClose(
          sample.longitude(), degrees(row[header.indexOf("position_long")]), 1e-7, "longitude", i);
    }
  }

  @Test
  void fitFiles_sessionDistanceAgreesWithTheirRecords() throws Exception {
    for (String name :
        List.of("activity-small-fenix2-run.fit", "coros-pace-2-cycling-misaligned-fields.fit")) {
      ActivityData a = parse(samples.resolve("fit").resolve(name)).get(0);
      double lastRecord =
          a.samples().stream()
              .map(Sample::distanceMeters)
              .filter(Objects::nonNull)
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(a.distanceMeters()).as(name).isCloseTo(lastRecord, within(lastRecord * 0.01));
      assertThat(a.laps()).as(name).isNotEmpty();
      double lapDistance =
          a.laps().stream()
              .map(l -> l.distanceMeters())
              .filter(Objects::nonNull)
              .mapToDouble(d -> d)
              .sum();
      assertThat(lapDistance)
          .as(name + " laps")
          .isCloseTo(a.distanceMeters(), within(a.distanceMeters() * 0.01));
    }
  }

  @Test
  void tcxFiles_lapDistanceAgreesWithTrackpointsAndPositions() throws Exception {
    for (String name : List.of("running_activity_1.tcx", "walking_activity_1.tcx")) {
      ActivityData a = parse(samples.resolve("tcx").resolve(name)).get(0);
      double overPositions =
          TrackMath.distanceMeters(
              List.of(a.samples().stream().filter(Sample::hasPosition).toList()));

      assertThat(a.distanceMeters())
          .as(name)
          .isCloseTo(overPositions, within(overPositions * 0.02));
    }
  }

  private static void assertClose(
      Double actual, String expected, double tolerance, String what, int i) {
    if (expected == null || expected.isBlank() || expected.equals("None")) {
      assertThat(actual).as("%s %d", what, i).isNull();
      return;
    }
    assertThat(actual).as("%s %d", what, i).isNotNull();
    assertThat(actual)
        .as("%s %d", what, i)
        .isCloseTo(Double.parseDouble(expected), within(tolerance));
  }

  private static String degrees(String semicircles) {
    if (semicircles == null || semicircles.isBlank() || semicircles.equals("None")) {
      return semicircles;
    }
    return Double.toString(Long.parseLong(semicircles) * (180.0 / (1L << 31)));
  }

  private static List<ActivityData> parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return ActivityFiles.parse(mediaType(file), in, ImportLimits.DEFAULT);
    }
  }

  private static String mediaType(Path file) {
    return MediaTypes.formatOfFileName(file.getFileName().toString())
        .map(
            f ->
                switch (f) {
                  case FIT -> MediaTypes.FIT;
                  case GPX -> MediaTypes.GPX;
                  case TCX -> MediaTypes.TCX;
                  case ZIP -> MediaTypes.ZIP;
                })
        .orElseThrow();
  }

  private static boolean isActivityFile(Path p) {
    return Files.isRegularFile(p)
        && MediaTypes.formatOfFileName(p.getFileName().toString()).isPresent();
  }

  /** {@code -Dstride.samples.dir}, else {@code ../shared/samples} beside the repository root. */
  static Optional<Path> locate() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        Path candidate = dir.resolve("../shared/samples").normalize();
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static void reportNotRun() {
    String banner =
        String.join(
            System.lineSeparator(),
            RULE,
            "### NOT RUN: " + SamplesConformanceTest.class.getName(),
            "### needs:   the real activity files of ../shared/samples (or -D" + PROPERTY + "=DIR)",
            "### why:     the folder is absent beside the repository root",
            "### because: the sample files are reference data kept outside the project",
            "### at:      " + Instant.now(),
            RULE,
            "");
    System.err.print(System.lineSeparator() + banner);
    System.err.flush();
    Path report = Path.of(System.getProperty("user.dir"), "target", "NOT-RUN.txt");
    try {
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + report, e);
    }
  }
}
