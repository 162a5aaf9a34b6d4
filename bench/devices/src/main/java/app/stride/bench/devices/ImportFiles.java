package app.stride.bench.devices;

import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.devices.files.xml.TcxFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files the import benchmarks read, by the name used as their JMH parameter: generated ones
 * (the devices test fixtures, always there) and real recordings from the shared samples folder
 * ({@value #SAMPLES_PROPERTY}), which may be absent.
 */
public enum ImportFiles {
  /** A two-hour run recorded at 1 Hz (7,200 records, positions and altitude), encoded as FIT. */
  FIT_RUN_2H("fit-run-2h", MediaTypes.FIT, null),
  /** The same two-hour run at 1 Hz as GPX 1.1 with extensions (7,200 track points). */
  GPX_RUN_2H("gpx-run-2h", MediaTypes.GPX, null),
  /** The TCX fixture: two laps of 60 one-second trackpoints (the builder has no longer form). */
  TCX_FIXTURE_2MIN("tcx-fixture-2min", MediaTypes.TCX, null),
  /** A real Garmin fenix 2 run from the shared samples. */
  FIT_SAMPLE_FENIX2("fit-sample-fenix2", MediaTypes.FIT, "fit/activity-small-fenix2-run.fit"),
  /** A real TCX running activity from the shared samples. */
  TCX_SAMPLE_RUNNING("tcx-sample-running", MediaTypes.TCX, "tcx/running_activity_1.tcx");

  /** The system property naming the shared samples folder (the repository's ../shared/samples). */
  public static final String SAMPLES_PROPERTY = "stride.bench.samples";

  /** One hour at 1 Hz, twice. */
  static final int TWO_HOURS_AT_1HZ = 7_200;

  private final String id;
  private final String mediaType;
  private final String samplePath;

  ImportFiles(String id, String mediaType, String samplePath) {
    this.id = id;
    this.mediaType = mediaType;
    this.samplePath = samplePath;
  }

  /** The JMH parameter value. */
  public String id() {
    return id;
  }

  /** The media type an upload of this file carries. */
  public String mediaType() {
    return mediaType;
  }

  /** Whether this is a FIT file, which the FIT SDK baseline can decode too. */
  public boolean isFit() {
    return MediaTypes.FIT.equals(mediaType);
  }

  /** Whether this file comes from the shared samples rather than a fixture. */
  public boolean isSample() {
    return samplePath != null;
  }

  /** Where a sample lives in the samples folder, empty for a fixture. */
  public Optional<String> samplePath() {
    return Optional.ofNullable(samplePath);
  }

  /** The file named by a JMH parameter value. */
  public static ImportFiles byId(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no import file named " + id));
  }

  /** The samples folder from {@value #SAMPLES_PROPERTY}, when set. */
  public static Optional<Path> samplesDir() {
    return Optional.ofNullable(System.getProperty(SAMPLES_PROPERTY))
        .filter(s -> !s.isBlank())
        .map(Path::of);
  }

  /** Whether this file can be loaded from the given samples folder (fixtures always can). */
  public boolean availableIn(Optional<Path> samples) {
    return samplePath == null
        || samples.map(dir -> Files.isRegularFile(dir.resolve(samplePath))).orElse(false);
  }

  /** The files that can be loaded, in declaration order. */
  public static List<ImportFiles> available(Optional<Path> samples) {
    return Arrays.stream(values()).filter(f -> f.availableIn(samples)).toList();
  }

  /**
   * The file's bytes: a fixture built now, or a sample read from the folder.
   *
   * @throws IllegalStateException when a sample is asked for and not there
   */
  public byte[] load(Optional<Path> samples) {
    return switch (this) {
      case FIT_RUN_2H -> FitFixtures.aRun().records(TWO_HOURS_AT_1HZ).build();
      case GPX_RUN_2H ->
          GpxFixtures.aTrack().points(TWO_HOURS_AT_1HZ).build().getBytes(StandardCharsets.UTF_8);
      case TCX_FIXTURE_2MIN -> TcxFixtures.anActivity().build().getBytes(StandardCharsets.UTF_8);
      case FIT_SAMPLE_FENIX2, TCX_SAMPLE_RUNNING -> readSample(samples);
    };
  }

  private byte[] readSample(Optional<Path> samples) {
    if (!availableIn(samples)) {
      throw new IllegalStateException(
          "sample "
              + samplePath
              + " not found (set -D"
              + SAMPLES_PROPERTY
              + " to the shared samples folder, or leave "
              + id
              + " out)");
    }
    try {
      return Files.readAllBytes(samples.orElseThrow().resolve(samplePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
