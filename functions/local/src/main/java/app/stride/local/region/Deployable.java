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

  /** Profiles: the signed-in user's profile. */
  public static final Deployable PROFILES =
      new Deployable(
          "profiles",
          Path.of("functions/profiles/aws/target/profiles-aws-lambda.jar"),
          "app.stride.profiles.aws.ProfilesAwsApplication",
          "profilesHttp",
          Path.of("functions/profiles/gcp/target/profiles-gcp-function.zip"),
          "app.stride.profiles.gcp.ProfilesHttpFunction");

  /** Auth: accounts, sign-in, two-factor, tokens and the JWKS of its region. */
  public static final Deployable AUTH =
      new Deployable(
          "auth",
          Path.of("functions/auth/aws/target/auth-aws-lambda.jar"),
          "app.stride.auth.aws.AuthAwsApplication",
          "authHttp",
          Path.of("functions/auth/gcp/target/auth-gcp-function.zip"),
          "app.stride.auth.gcp.AuthHttpFunction");

  /** Whether this is the deployable of the capability named {@code function}. */
  public boolean serves(String function) {
    return this.function.equals(function);
  }
}
