package app.stride.local.region;

import java.nio.file.Path;

/**
 * A capability's deployables, as infrastructure deploys them.
 *
 * @param function the spec's {@code x-stride-function}
 * @param awsJar the Lambda jar, relative to the repository root
 * @param awsMainClass the Spring initializer the Lambda's {@code MAIN_CLASS} names
 * @param awsDefinition the {@code spring.cloud.function.definition} of its HTTP entry
 * @param gcpArchive the Cloud Functions archive (a zip holding the jar), relative to the root
 * @param gcpTarget the Functions Framework entry class
 */
public record Deployable(
    String function,
    Path awsJar,
    String awsMainClass,
    String awsDefinition,
    Path gcpArchive,
    String gcpTarget) {

  /** Profiles: the one capability so far. */
  public static final Deployable PROFILES =
      new Deployable(
          "profiles",
          Path.of("functions/profiles/aws/target/profiles-aws-lambda.jar"),
          "app.stride.profiles.aws.ProfilesAwsApplication",
          "profilesHttp",
          Path.of("functions/profiles/gcp/target/profiles-gcp-function.zip"),
          "app.stride.profiles.gcp.ProfilesHttpFunction");
}
