package app.stride.infra;

import java.util.Optional;

/**
 * A deployable the stacks point at.
 *
 * @param path absolute path of the file, whether it exists yet or not
 * @param sha256Base64 base64 SHA-256 of the file (Terraform's {@code filebase64sha256}), present
 *     only when the file was built before the synth
 */
public record BuiltArtifact(String path, Optional<String> sha256Base64) {

  /** File name without directories. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
