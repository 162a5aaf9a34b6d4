package app.stride.infra.config;

import java.util.Objects;

/**
 * How the real-time chat channel ({@code docs/chat.md}) is deployed in every region.
 *
 * @param gcpImage the container image of the GCP chat server (Cloud Run), e.g. {@code
 *     asia-southeast1-docker.pkg.dev/<project>/stride/social-realtime:<version>}; built outside
 *     this repository, so it is a reference, not a path
 * @param awsMaxConcurrency reserved concurrency of the realtime Lambda of an AWS region
 * @param gcpMaxInstances maximum instances of the GCP chat server; 1 until changes are fanned out
 *     across instances (a socket lives on one instance, and only that instance can push to it)
 */
public record RealtimeConfig(String gcpImage, int awsMaxConcurrency, int gcpMaxInstances) {

  /** The image is required and a plain reference; the caps are at least one. */
  public RealtimeConfig {
    Objects.requireNonNull(gcpImage, "gcpImage");
    if (gcpImage.isBlank() || gcpImage.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("gcpImage must be an image reference: " + gcpImage);
    }
    if (awsMaxConcurrency < 1 || gcpMaxInstances < 1) {
      throw new IllegalArgumentException("concurrency caps must be at least 1");
    }
  }
}
