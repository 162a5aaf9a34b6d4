package app.stride.infra.config;

import java.util.Objects;

/**
 * Where the built deployables are, relative to the repository root.
 *
 * @param awsProfilesJar the shaded Lambda jar of the profiles function
 * @param gcpProfilesZip the source zip of the profiles Cloud Function
 * @param awsDirectoryJar the shaded Lambda jar of the global directory service
 * @param awsAuthJar the shaded Lambda jar of the auth functions
 * @param gcpAuthZip the source zip of the auth Cloud Functions
 */
public record ArtifactConfig(
    String awsProfilesJar,
    String gcpProfilesZip,
    String awsDirectoryJar,
    String awsAuthJar,
    String gcpAuthZip) {

  /** Every path is required and relative. */
  public ArtifactConfig {
    requireRelative(awsProfilesJar, "awsProfilesJar");
    requireRelative(gcpProfilesZip, "gcpProfilesZip");
    requireRelative(awsDirectoryJar, "awsDirectoryJar");
    requireRelative(awsAuthJar, "awsAuthJar");
    requireRelative(gcpAuthZip, "gcpAuthZip");
  }

  private static void requireRelative(String path, String name) {
    Objects.requireNonNull(path, name);
    if (path.isBlank() || path.startsWith("/")) {
      throw new IllegalArgumentException(name + " must be a path relative to the repo root");
    }
  }
}
