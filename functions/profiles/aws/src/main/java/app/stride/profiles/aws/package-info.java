/**
 * The profiles capability's AWS deployable: {@link app.stride.profiles.aws.ProfilesAwsApplication}
 * wires the neutral functions of {@code app.stride.profiles.ProfilesFunctions} to DynamoDB and SQS
 * and registers them with their Lambda-typed twins.
 */
package app.stride.profiles.aws;
