package app.stride.infra.config;

/**
 * The deployables of one HTTP capability, relative to the repository root.
 *
 * @param awsJar the shaded Lambda jar ({@code functions/<name>/aws/target/<name>-aws-lambda.jar})
 * @param gcpZip the Cloud Functions source zip ({@code
 *     functions/<name>/gcp/target/<name>-gcp-function.zip})
 */
public record CapabilityArtifacts(String awsJar, String gcpZip) {}
