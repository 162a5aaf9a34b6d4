package app.stride.bench.devices;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgListener;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline of the FIT import: the Garmin FIT SDK's bare decode of the same bytes, {@code new
 * Decode().read(in, listener)} with a listener that only hands each message to the blackhole (no
 * integrity pre-check, no typed messages, no activity built). What Stride's parser adds on top of
 * it is the ratio the report prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FitDecodeBaselineBenchmark {
  /** The FIT {@link ImportFiles}; the report narrows it to the files that exist. */
  @Param({"fit-run-2h", "fit-sample-fenix2"})
  public String fitFile;

  private byte[] bytes;

  /** Loads the file and checks the SDK decodes it completely before anything is measured. */
  @Setup
  public void load() {
    ImportFiles input = ImportFiles.byId(fitFile);
    if (!input.isFit()) {
      throw new IllegalArgumentException(fitFile + " is not a FIT file");
    }
    bytes = input.load(ImportFiles.samplesDir());
    if (!decode(bytes, mesg -> {})) {
      throw new IllegalStateException(fitFile + " did not decode completely");
    }
  }

  @Benchmark
  public boolean sdkDecode(Blackhole blackhole) {
    return decode(bytes, blackhole::consume);
  }

  static boolean decode(byte[] bytes, MesgListener listener) {
    return new Decode().read(new ByteArrayInputStream(bytes), listener);
  }
}
