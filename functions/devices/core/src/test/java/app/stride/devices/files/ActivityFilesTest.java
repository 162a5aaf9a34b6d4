package app.stride.devices.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.files.fit.FitFixtures;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.devices.files.xml.TcxFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActivityFilesTest {
  private static final ImportLimits SMALL =
      new ImportLimits(4096, 1 << 20, 10, 1 << 20, 100, 100_000);

  @Test
  void eachFormat_givesOneActivity() throws Exception {
    assertThat(parse(MediaTypes.FIT, FitFixtures.aRun().build(), ImportLimits.DEFAULT)).hasSize(1);
    assertThat(parse("application/gpx+xml; charset=UTF-8", gpx(), ImportLimits.DEFAULT)).hasSize(1);
    assertThat(
            parse(
                MediaTypes.TCX, TcxFixtures.anActivity().build().getBytes(), ImportLimits.DEFAULT))
        .hasSize(1);
  }

  @Test
  void unknownMediaType_isUnsupported() {
    assertThatThrownBy(() -> parse("application/json", "{}".getBytes(), ImportLimits.DEFAULT))
        .isInstanceOfSatisfying(
            ActivityFileException.class, e -> assertThat(e.code()).isEqualTo("unsupported-format"));
  }

  @Test
  void fileOverTheSizeLimit_isTooLarge_forEveryFormat() {
    for (String type : new String[] {MediaTypes.FIT, MediaTypes.GPX, MediaTypes.TCX}) {
      byte[] big = type.equals(MediaTypes.FIT) ? FitFixtures.aRun().build() : gpx();

      assertThatThrownBy(() -> parse(type, big, SMALL))
          .as(type)
          .isInstanceOfSatisfying(
              ActivityFileException.class, e -> assertThat(e.code()).isEqualTo("file-too-large"));
    }
  }

  @Test
  void sizeLimit_stopsReadingJustPastTheLimit() {
    CountingEndless endless = new CountingEndless();

    assertThatThrownBy(() -> ActivityFiles.parse(MediaTypes.FIT, endless, SMALL))
        .isInstanceOf(ActivityFileException.class);
    assertThat(endless.served).isLessThan(4096 + 16 * 1024);
  }

  @Test
  void failingSource_isAnIoException_notAFileFailure() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> ActivityFiles.parse(MediaTypes.GPX, failing, ImportLimits.DEFAULT))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  private static byte[] gpx() {
    return GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.List<app.stride.devices.domain.ActivityData> parse(
      String type, byte[] bytes, ImportLimits limits) throws Exception {
    return ActivityFiles.parse(type, new ByteArrayInputStream(bytes), limits);
  }

  /** An endless stream of zeros that counts what it served. */
  private static final class CountingEndless extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      return len;
    }
  }
}
