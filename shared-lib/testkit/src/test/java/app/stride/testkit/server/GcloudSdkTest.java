package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcloudSdkTest {

  @TempDir Path tmp;

  @Test
  void locate_prefersCloudsdkRootVariable() throws Exception {
    Path sdk = Files.createDirectories(tmp.resolve("sdk"));

    GcloudSdk.Lookup lookup =
        GcloudSdk.locate(
            Map.of("CLOUDSDK_ROOT", sdk.toString()),
            Optional.empty(),
            Optional::empty,
            tmp.resolve("missing"));

    assertThat(lookup.root()).contains(sdk);
  }

  @Test
  void locate_derivesRootFromGcloudOnPath_withoutRunningGcloudInfo() throws Exception {
    Path sdk = tmp.resolve("google-cloud-sdk");
    Files.createDirectories(sdk.resolve("platform"));
    Path gcloud = Files.createFile(Files.createDirectories(sdk.resolve("bin")).resolve("gcloud"));
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(tmp.resolve("usr-bin")).resolve("gcloud"), gcloud);
    AtomicBoolean askedGcloud = new AtomicBoolean();

    GcloudSdk.Lookup lookup =
        GcloudSdk.locate(
            Map.of(),
            Optional.of(link),
            () -> {
              askedGcloud.set(true);
              return Optional.empty();
            },
            tmp.resolve("missing"));

    assertThat(lookup.root()).contains(sdk.toRealPath());
    assertThat(askedGcloud).isFalse();
  }

  @Test
  void locate_asksGcloudInfo_whenTheBinaryIsNotInsideAnSdk() throws Exception {
    Path sdk = Files.createDirectories(tmp.resolve("reported"));
    Path lonely = Files.createFile(tmp.resolve("gcloud"));

    GcloudSdk.Lookup lookup =
        GcloudSdk.locate(Map.of(), Optional.of(lonely), () -> Optional.of(sdk), tmp.resolve("x"));

    assertThat(lookup.root()).contains(sdk);
  }

  @Test
  void locate_fallsBackToDefaultRoot() throws Exception {
    Path fallback = Files.createDirectories(tmp.resolve("usr-lib-sdk"));

    GcloudSdk.Lookup lookup =
        GcloudSdk.locate(Map.of(), Optional.empty(), Optional::empty, fallback);

    assertThat(lookup.root()).contains(fallback);
  }

  @Test
  void locate_withNothingInstalled_listsEverythingItTried() {
    GcloudSdk.Lookup lookup =
        GcloudSdk.locate(
            Map.of("STRIDE_GCLOUD_SDK", tmp.resolve("nope").toString()),
            Optional.empty(),
            Optional::empty,
            tmp.resolve("missing"));

    assertThat(lookup.root()).isEmpty();
    assertThat(lookup.describeTried())
        .contains("CLOUDSDK_ROOT is not set")
        .contains("STRIDE_GCLOUD_SDK=" + tmp.resolve("nope") + " is not a directory")
        .contains("no gcloud on PATH")
        .contains(tmp.resolve("missing") + " does not exist");
  }
}
