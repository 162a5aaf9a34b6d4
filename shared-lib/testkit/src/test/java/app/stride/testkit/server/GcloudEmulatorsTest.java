package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcloudEmulatorsTest {

  @TempDir Path sdk;

  @Test
  void firestore_isPresent_whenTheComponentJarExists() throws Exception {
    Files.createDirectories(sdk.resolve(GcloudEmulators.FIRESTORE_JAR).getParent());
    Files.createFile(sdk.resolve(GcloudEmulators.FIRESTORE_JAR));

    assertThat(GcloudEmulators.firestore(found(sdk)).isPresent()).isTrue();
  }

  @Test
  void firestore_missingJar_namesTheJarAndTheInstallCommand() {
    Availability availability = GcloudEmulators.firestore(found(sdk));

    assertThat(availability.isPresent()).isFalse();
    assertThat(availability.reason())
        .contains(sdk.resolve(GcloudEmulators.FIRESTORE_JAR).toString())
        .contains("gcloud components install cloud-firestore-emulator");
  }

  @Test
  void pubSub_picksUpAnyEmulatorVersion() throws Exception {
    Path lib = Files.createDirectories(sdk.resolve(GcloudEmulators.PUBSUB_LIB));
    Files.createFile(lib.resolve("cloud-pubsub-emulator-0.8.20-all.jar"));
    Files.createFile(lib.resolve("cloud-pubsub-emulator-0.8.21-all.jar"));

    assertThat(GcloudEmulators.pubSub(found(sdk)).isPresent()).isTrue();
    assertThat(GcloudEmulators.pubSubJarIn(lib))
        .contains(lib.resolve("cloud-pubsub-emulator-0.8.21-all.jar"));
  }

  @Test
  void pubSub_missingCli_saysTheCliIsNotInstalledAndWhatWasTried() {
    GcloudSdk.Lookup none = new GcloudSdk.Lookup(Optional.empty(), List.of("no gcloud on PATH"));

    Availability availability = GcloudEmulators.pubSub(none);

    assertThat(availability.isPresent()).isFalse();
    assertThat(availability.reason())
        .contains("Google Cloud CLI is not installed")
        .contains("no gcloud on PATH")
        .contains("pubsub-emulator");
  }

  private static GcloudSdk.Lookup found(Path root) {
    return new GcloudSdk.Lookup(Optional.of(root), List.of());
  }
}
