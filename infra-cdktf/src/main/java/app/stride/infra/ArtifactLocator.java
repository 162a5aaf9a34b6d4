package app.stride.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Resolves deployables relative to the repository root. A missing file is not an error at synth
 * time (tests and a fresh clone synthesize without building the functions); Terraform fails at plan
 * time instead, which is where a missing build belongs.
 */
public final class ArtifactLocator {

  private final Path repoRoot;

  /** Locates artifacts under {@code repoRoot}. */
  public ArtifactLocator(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** The artifact at {@code relativePath}, hashed if it exists. */
  public BuiltArtifact locate(String relativePath) {
    Path file = repoRoot.resolve(relativePath).normalize();
    if (!file.startsWith(repoRoot)) {
      throw new IllegalArgumentException("artifact outside the repo root: " + relativePath);
    }
    Optional<String> hash =
        Files.isRegularFile(file) ? Optional.of(sha256(file)) : Optional.empty();
    return new BuiltArtifact(file.toString(), hash);
  }

  /**
   * The repository root: system property {@code stride.root}, else environment variable {@code
   * STRIDE_ROOT}, else the working directory's parent when run from inside {@code infra-cdktf}.
   */
  public static Path defaultRepoRoot() {
    String configured = System.getProperty("stride.root", System.getenv("STRIDE_ROOT"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.isRegularFile(cwd.resolve("cdktf.json")) ? cwd.getParent() : cwd;
  }

  private static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
