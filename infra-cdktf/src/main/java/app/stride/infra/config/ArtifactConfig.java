package app.stride.infra.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where the built deployables are, relative to the repository root.
 *
 * @param awsProfilesJar the shaded Lambda jar of the profiles function
 * @param gcpProfilesZip the source zip of the profiles Cloud Function
 * @param awsDirectoryJar the shaded Lambda jar of the global directory service
 * @param awsAuthJar the shaded Lambda jar of the auth functions
 * @param gcpAuthZip the source zip of the auth Cloud Functions
 * @param capabilities the Lambda jar and Cloud Functions zip of every other HTTP capability
 *     (planner, workouts, social), by capability name
 */
public record ArtifactConfig(
    String awsProfilesJar,
    String gcpProfilesZip,
    String awsDirectoryJar,
    String awsAuthJar,
    String gcpAuthZip,
    Map<String, CapabilityArtifacts> capabilities) {

  /** The profiles capability, whose deployables have their own fields. */
  private static final String PROFILES = "profiles";

  /** Every path is required and relative. */
  public ArtifactConfig {
    requireRelative(awsProfilesJar, "awsProfilesJar");
    requireRelative(gcpProfilesZip, "gcpProfilesZip");
    requireRelative(awsDirectoryJar, "awsDirectoryJar");
    requireRelative(awsAuthJar, "awsAuthJar");
    requireRelative(gcpAuthZip, "gcpAuthZip");
    capabilities = Map.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
    capabilities.forEach(
        (name, artifacts) -> {
          requireRelative(artifacts.awsJar(), name + ".awsJar");
          requireRelative(artifacts.gcpZip(), name + ".gcpZip");
        });
  }

  /** The Lambda jar of {@code capability}. */
  public String awsJar(String capability) {
    return capability.equals(PROFILES) ? awsProfilesJar : of(capability).awsJar();
  }

  /** The Cloud Functions zip of {@code capability}. */
  public String gcpZip(String capability) {
    return capability.equals(PROFILES) ? gcpProfilesZip : of(capability).gcpZip();
  }

  private CapabilityArtifacts of(String capability) {
    CapabilityArtifacts artifacts = capabilities.get(capability);
    if (artifacts == null) {
      throw new IllegalStateException("no artifacts configured for " + capability);
    }
    return artifacts;
  }

  private static void requireRelative(String path, String name) {
    Objects.requireNonNull(path, name);
    if (path.isBlank() || path.startsWith("/")) {
      throw new IllegalArgumentException(name + " must be a path relative to the repo root");
    }
  }
}
