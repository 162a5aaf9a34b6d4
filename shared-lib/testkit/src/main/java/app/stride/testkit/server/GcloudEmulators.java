package app.stride.testkit.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the Google Cloud CLI emulators can run on this machine. Some machines cannot have them;
 * the answer then says exactly what is missing and how to install it.
 */
public final class GcloudEmulators {

  static final Path FIRESTORE_JAR =
      Path.of("platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar");
  static final Path PUBSUB_LIB = Path.of("platform", "pubsub-emulator", "lib");

  private GcloudEmulators() {}

  /** Availability of the Firestore emulator. */
  public static Availability firestore() {
    return firestore(GcloudSdk.lookup());
  }

  /** Availability of the Pub/Sub emulator. */
  public static Availability pubSub() {
    return pubSub(GcloudSdk.lookup());
  }

  static Availability firestore(GcloudSdk.Lookup sdk) {
    if (sdk.root().isEmpty()) {
      return noCli(sdk, "cloud-firestore-emulator", "google-cloud-cli-firestore-emulator");
    }
    Path jar = sdk.root().get().resolve(FIRESTORE_JAR);
    return Files.isRegularFile(jar)
        ? Availability.present()
        : noComponent(
            sdk.root().get(),
            jar,
            "cloud-firestore-emulator",
            "google-cloud-cli-firestore-emulator");
  }

  static Availability pubSub(GcloudSdk.Lookup sdk) {
    if (sdk.root().isEmpty()) {
      return noCli(sdk, "pubsub-emulator", "google-cloud-cli-pubsub-emulator");
    }
    Path lib = sdk.root().get().resolve(PUBSUB_LIB);
    return pubSubJarIn(lib).isPresent()
        ? Availability.present()
        : noComponent(
            sdk.root().get(),
            lib.resolve("cloud-pubsub-emulator-*-all.jar"),
            "pubsub-emulator",
            "google-cloud-cli-pubsub-emulator");
  }

  /** The Firestore emulator jar, or a {@link ServerStartException} saying what is missing. */
  static Path firestoreJar() {
    Availability availability = firestore();
    if (!availability.isPresent()) {
      throw new ServerStartException(availability.reason());
    }
    return GcloudSdk.root().orElseThrow().resolve(FIRESTORE_JAR);
  }

  /** The Pub/Sub emulator jar, or a {@link ServerStartException} saying what is missing. */
  static Path pubSubJar() {
    Availability availability = pubSub();
    if (!availability.isPresent()) {
      throw new ServerStartException(availability.reason());
    }
    return pubSubJarIn(GcloudSdk.root().orElseThrow().resolve(PUBSUB_LIB)).orElseThrow();
  }

  static Optional<Path> pubSubJarIn(Path lib) {
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(lib, "cloud-pubsub-emulator-*-all.jar")) {
      Path newest = null;
      for (Path jar : jars) {
        if (newest == null
            || jar.getFileName().toString().compareTo(newest.getFileName().toString()) > 0) {
          newest = jar;
        }
      }
      return Optional.ofNullable(newest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Availability noCli(GcloudSdk.Lookup sdk, String component, String debianPackage) {
    return Availability.missing(
        "the Google Cloud CLI is not installed ("
            + sdk.describeTried()
            + "). Install it with the "
            + component
            + " component (Debian: apt-get install google-cloud-cli "
            + debianPackage
            + " from Google's apt repository), or set CLOUDSDK_ROOT to an SDK that has it");
  }

  private static Availability noComponent(
      Path root, Path expected, String component, String debianPackage) {
    return Availability.missing(
        "the Google Cloud CLI at "
            + root
            + " lacks the "
            + component
            + " component ("
            + expected
            + " not found). Install it with: gcloud components install "
            + component
            + " (or apt-get install "
            + debianPackage
            + ")");
  }
}
