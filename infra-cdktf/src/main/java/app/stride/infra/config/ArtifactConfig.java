package app.stride.infra.config;

import java.util.Objects;

/**
 * Where the built deployables are, relative to the repository root.
 *
 * @param awsProfilesJar the shaded Lambda jar of the profiles function
 * @param gcpProfilesZip the source zip of the profiles Cloud Function
 */
public record ArtifactConfig(String awsProfilesJar, String gcpProfilesZip) {

  /** Both paths are required and relative. */
  public ArtifactConfig {
    requireRelative(awsProfilesJar, "awsProfilesJar");
    requireRelative(gcpProfilesZip, "gcpProfilesZip");
  }

  private static void requireRelative(String path, String name) {
    Objects.requireNonNull(path, name);
    if (path.isBlank() || path.startsWith("/")) {
      throw new IllegalArgumentException(name + " must be a path relative to the repo root");
    }
  }
}
