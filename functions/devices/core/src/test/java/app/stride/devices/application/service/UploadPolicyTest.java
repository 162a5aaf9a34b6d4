package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.files.ImportLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {
  private final UploadPolicy policy = UploadPolicy.defaults();

  @Test
  void defaults_areTheParsersOwnBounds_andA15MinuteUrl() {
    assertThat(policy.limitFor("application/zip"))
        .isEqualTo(ImportLimits.DEFAULT.maxArchiveBytes())
        .isEqualTo(ImportLimits.UPLOADED.maxArchiveBytes())
        .isEqualTo(512L * 1024 * 1024);
    assertThat(policy.limitFor("application/fit"))
        .isEqualTo(policy.limitFor("application/gpx+xml"))
        .isEqualTo(ImportLimits.UPLOADED.maxFileBytes())
        .isEqualTo(64L * 1024 * 1024);
    assertThat(policy.urlLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(ImportLimits.UPLOADED.maxUncompressedBytes())
        .as("an export.zip inflates to gigabytes of XML")
        .isGreaterThan(ImportLimits.DEFAULT.maxUncompressedBytes());
  }

  @Test
  void mediaType_isTheBareLowerCaseType_ofTheFourFileFormatsOnly() {
    assertThat(policy.mediaType("Application/ZIP; charset=binary")).contains("application/zip");
    assertThat(policy.mediaType("application/vnd.garmin.tcx+xml"))
        .contains("application/vnd.garmin.tcx+xml");
    assertThat(policy.mediaType("application/json")).isEmpty();
    assertThat(policy.mediaType("application/x-zip-compressed")).isEmpty();
    assertThat(policy.mediaType("")).isEmpty();
    assertThat(policy.mediaType(null)).isEmpty();
  }
}
