package app.stride.bench.devices;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.ActivityFiles;
import app.stride.devices.files.ImportLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stride's file import: {@code ActivityFiles.parse} of one whole file held in memory, with the
 * production limits, as the import use case calls it. Throughput in files per second; the report
 * multiplies by the file's size for MB/s. Samples are left out by the report when absent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImportThroughputBenchmark {
  /** Every {@link ImportFiles} id; the report narrows it to the files that exist. */
  @Param({
    "fit-run-2h",
    "gpx-run-2h",
    "tcx-fixture-2min",
    "fit-sample-fenix2",
    "tcx-sample-running"
  })
  public String file;

  private String mediaType;
  private byte[] bytes;

  /** Loads the file and checks it imports as one activity before anything is measured. */
  @Setup
  public void load() throws IOException, ActivityFileException {
    ImportFiles input = ImportFiles.byId(file);
    mediaType = input.mediaType();
    bytes = input.load(ImportFiles.samplesDir());
    if (parse().size() != 1) {
      throw new IllegalStateException(file + " did not import as one activity");
    }
  }

  @Benchmark
  public List<ActivityData> parse() throws IOException, ActivityFileException {
    return ActivityFiles.parse(mediaType, new ByteArrayInputStream(bytes), ImportLimits.DEFAULT);
  }
}
